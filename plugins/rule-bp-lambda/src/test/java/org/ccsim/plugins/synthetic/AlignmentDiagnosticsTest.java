package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.plugins.synthesisers.LinearSynthesiser;
import org.ccsim.plugins.synthetic.bplambda.BpLambda;
import org.ccsim.plugins.synthetic.bplambda.TraceForm;
import org.ccsim.plugins.synthetic.dni.Dni;
import org.ccsim.plugins.synthetic.lambdasg.LambdaSg;
import org.ccsim.testkit.TestBuildContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ALGORITHMS §5: the alignment diagnostics of a batch come from an offline BPTT pass over the batch
 * "with the parameters it was run with" — also when the host's optimiser changes the cortex's
 * parameters in place as soon as the rule hands over its gradient (update once per batch).
 */
class AlignmentDiagnosticsTest {

  static final int HIDDEN = 4;
  static final int STEPS = 7;
  static final int BATCH = 2;
  static final double SG_WEIGHT = 0.7;

  @ParameterizedTest(name = "{0}, host applies updates: {1}")
  @CsvSource({"bp-lambda, false", "bp-lambda, true", "lambda-sg, false", "lambda-sg, true"})
  void alignmentUsesTheParametersTheBatchRanWith(String rule, boolean applies) {
    RandomGenerator random = TestBuildContext.random(77);
    TestCortex cortex = TestCortex.of(3, HIDDEN, 2, "tanh", 77);
    JacobianSynthesiser synthesiser = new LinearSynthesiser(HIDDEN, Learners.JAVA);
    ParameterSet theta = synthesiser.initialParameters(random);
    Numerics.randomise(theta, 0.5, random);
    List<Episode> episodes = cortex.episodes(BATCH, STEPS, random);
    Map<String, Double> expected = expectedAlignment(cortex.network(), cortex.params().copy(), synthesiser,
        theta.copy(), episodes);

    LearningRule learningRule = rule.equals("bp-lambda")
        ? new BpLambda(cortex.network(), synthesiser, theta, Learners.JAVA, WorkSharing.COMMON,
            new BpLambda.Settings(0.5, 1, SG_WEIGHT, Double.POSITIVE_INFINITY, false, TraceForm.TRACE, 0, false))
        : new LambdaSg(cortex.network(), synthesiser, theta, 0.5, 1, SG_WEIGHT);
    SgdContext context = new SgdContext(cortex.params(), theta, applies ? 0.5 : 0, 0.1);
    learningRule.train(episodes, context);
    assertEquals(expected.get(Diagnostics.ALIGNMENT), context.metrics.get(Diagnostics.ALIGNMENT), 1e-12,
        Diagnostics.ALIGNMENT);
    assertEquals(expected.get(Diagnostics.SG_ALIGNMENT), context.metrics.get(Diagnostics.SG_ALIGNMENT), 1e-12,
        Diagnostics.SG_ALIGNMENT);
    assertEquals(expected.get(Diagnostics.SG_NORM_RATIO), context.metrics.get(Diagnostics.SG_NORM_RATIO), 1e-12,
        Diagnostics.SG_NORM_RATIO);
    if (rule.equals("bp-lambda")) {
      assertEquals(expected.get(Diagnostics.CORRELATION), context.metrics.get(Diagnostics.CORRELATION), 1e-12,
          Diagnostics.CORRELATION);
      assertEquals(null, context.metrics.get(Diagnostics.ACTIVE_FRACTION), "a linear synthesiser has no hidden units");
    }
  }

  @Test
  void dniCorrelatesTheCortexWithItsSynthesisersOwnOutput() {
    RandomGenerator random = TestBuildContext.random(78);
    TestCortex cortex = TestCortex.of(3, HIDDEN, 2, "tanh", 78);
    JacobianSynthesiser synthesiser = new LinearSynthesiser(HIDDEN, Learners.JAVA);
    ParameterSet theta = synthesiser.initialParameters(random);
    Numerics.randomise(theta, 0.5, random);
    List<Episode> episodes = cortex.episodes(BATCH, STEPS, random);
    Map<String, Double> expected = expectedAlignment(cortex.network(), cortex.params().copy(), synthesiser,
        theta.copy(), episodes);
    // train-only (s = 0): the cortex receives no synthetic gradient, the synthesiser still predicts
    Dni dni = new Dni(cortex.network(), synthesiser, theta, new Dni.Settings(2, 0, 1, false));
    SgdContext context = new SgdContext(cortex.params(), theta, 0, 0.1);
    dni.train(episodes, context);
    assertEquals(expected.get(Diagnostics.CORRELATION), context.metrics.get(Diagnostics.CORRELATION), 1e-12,
        Diagnostics.CORRELATION);
  }

  /** The independent reference with the parameters the batch ran with, the same at every step. */
  private static Map<String, Double> expectedAlignment(Network network, ParameterSet params, Synthesiser synthesiser,
      ParameterSet theta, List<Episode> episodes) {
    ReplayedBatch replay = new ReplayedBatch(network, episodes, t -> params);
    double[][][] g = replay.predictions(synthesiser, t -> theta);
    return replay.diagnostics(g, SG_WEIGHT, g);
  }
}
