package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.ccsim.api.DivergenceException;
import org.ccsim.api.Episode;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Optimiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.plugins.synthesisers.LinearSynthesiser;
import org.ccsim.plugins.synthetic.bplambda.BpLambda;
import org.ccsim.plugins.synthetic.bplambda.TraceForm;
import org.ccsim.plugins.synthetic.dni.Dni;
import org.ccsim.plugins.synthetic.lambdasg.LambdaSg;
import org.ccsim.testkit.RecordingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The synthetic-gradient rules report a divergence of their own state where it appears, before it
 * spreads to what the host checks: a synthesiser weight after its optimiser's step, the synthetic
 * gradient a non-finite weight predicts, and a TD error whose norm overflows, each at the step it is made.
 */
class DivergenceCheckTest {

  private static final int HIDDEN = 4;
  private static final int STEPS = 6;
  private static final int WINDOW = 2;

  /** An optimiser whose step makes the first weight infinite, as an overflowing learning rate would. */
  private static final Optimiser OVERFLOW = (params, grads) -> params.get(0).data()[0] = Double.POSITIVE_INFINITY;

  private interface RuleFactory {
    LearningRule create(TestCortex cortex, JacobianSynthesiser synthesiser, ParameterSet theta);
  }

  private static final RuleFactory BP_LAMBDA_EVERY_STEP = (cortex, synthesiser, theta) -> new BpLambda(
      cortex.network(), synthesiser, theta, Learners.JAVA, WorkSharing.COMMON,
      new BpLambda.Settings(0.9, 1, 1, Double.POSITIVE_INFINITY, true, TraceForm.TRACE, 0, false));
  private static final RuleFactory DNI_EVERY_WINDOW = (cortex, synthesiser, theta) -> new Dni(
      cortex.network(), synthesiser, theta, new Dni.Settings(WINDOW, 1, 1, true));
  private static final RuleFactory LAMBDA_SG = (cortex, synthesiser, theta) -> new LambdaSg(
      cortex.network(), synthesiser, theta, 0.5, 1, 1);

  /** Rule, the step of its first synthesiser update, the step of its first synthetic gradient. */
  static Stream<Arguments> rules() {
    return Stream.of(Arguments.of("bp-lambda", BP_LAMBDA_EVERY_STEP, 1, 0),
        Arguments.of("dni", DNI_EVERY_WINDOW, 2 * WINDOW - 1, WINDOW - 1),
        Arguments.of("lambda-sg", LAMBDA_SG, STEPS - 1, 0));
  }

  private static DivergenceException train(RuleFactory factory, Optimiser optimiser, boolean nanWeight) {
    return train(factory, optimiser, nanWeight, 1);
  }

  /** Trains one batch with theta scaled by {@code scale} (and one NaN weight if asked), expecting a divergence. */
  private static DivergenceException train(RuleFactory factory, Optimiser optimiser, boolean nanWeight,
      double scale) {
    RandomGenerator random = TestBuildContext.random(71);
    TestCortex cortex = TestCortex.of(3, HIDDEN, 2, "tanh", 71);
    JacobianSynthesiser synthesiser = new LinearSynthesiser(HIDDEN, Learners.JAVA);
    ParameterSet theta = synthesiser.initialParameters(random);
    Numerics.randomise(theta, 0.5, random);
    theta.scale(scale);
    if (nanWeight) {
      theta.tensors().get(0).data()[1] = Double.NaN;
    }
    List<Episode> batch = cortex.episodes(2, STEPS, random);
    LearningRule rule = factory.create(cortex, synthesiser, theta);
    RecordingTrainingContext context = new RecordingTrainingContext(cortex.params())
        .training(SyntheticFixtures.synthesiserGroup(theta, optimiser));
    return assertThrows(DivergenceException.class, () -> rule.train(batch, context));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void anOverflowingSynthesiserStepIsCaughtAtItsStep(String name, RuleFactory factory, int updateStep, int predictionStep) {
    DivergenceException e = train(factory, OVERFLOW, false);

    assertEquals("weight synthesiser/W_s", e.quantity());
    assertEquals(updateStep, e.step());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void aNonFiniteWeightIsCaughtInTheFirstSyntheticGradient(String name, RuleFactory factory, int updateStep,
      int predictionStep) {
    DivergenceException e = train(factory, (params, grads) -> { }, true);

    assertEquals(FiniteChecks.SYNTHETIC_GRADIENT, e.quantity());
    assertEquals(predictionStep, e.step());
  }

  /**
   * Weights of 1e200 times their usual size keep every value finite (the synthetic gradient is about
   * 1e200), but the squared norm of the TD error overflows: caught at the first correction.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("tdErrorRules")
  void aTdErrorWhoseNormOverflowsIsCaughtAtItsStep(String name, RuleFactory factory, int correctionStep) {
    DivergenceException e = train(factory, (params, grads) -> { }, false, 1e200);

    assertEquals(FiniteChecks.TD_ERROR, e.quantity());
    assertEquals(correctionStep, e.step());
  }

  /** The rules with a TD error, and the step of their first correction. */
  static Stream<Arguments> tdErrorRules() {
    return Stream.of(Arguments.of("bp-lambda", BP_LAMBDA_EVERY_STEP, 1),
        Arguments.of("dni", DNI_EVERY_WINDOW, 2 * WINDOW - 1));
  }
}
