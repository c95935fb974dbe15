package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.ccsim.api.Episode;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.Optimiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;
import org.ccsim.core.build.TrainedGroups;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.plugins.bptt.BpttType;
import org.ccsim.plugins.synthetic.bplambda.BpLambda;
import org.ccsim.plugins.synthetic.bplambda.TraceForm;
import org.ccsim.plugins.synthetic.dni.Dni;
import org.ccsim.testkit.RecordingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lesion actions of {@code bp-lambda} and {@code dni} (ALGORITHMS §4), with every synthesiser:
 * {@code ablate-synthesiser} makes the cortex's update that of truncated BPTT (K = 1 for BP(lambda),
 * the window K for DNI) and stops the synthesiser learning; {@code ablate-olive} leaves theta as it
 * is while its prediction still changes the cortex's update exactly as an intact synthesiser with
 * those weights would; {@code restore} undoes both.
 */
class LesionTest {

  private static final int INPUTS = 3;
  private static final int HIDDEN = 5;
  private static final int OUTPUTS = 2;
  private static final int STEPS = 7;
  private static final int BATCH = 3;
  private static final int WINDOW = 2;

  static Stream<SynthesiserCase> synthesisers() {
    return SynthesiserCase.all();
  }

  /** A cortex, a batch and a synthesiser with random non-zero weights (so that g is not zero). */
  private record Fixture(TestCortex cortex, JacobianSynthesiser synthesiser, ParameterSet theta, List<Episode> batch) {

    static Fixture of(SynthesiserCase synthCase) {
      long seed = Objects.hash("lesion", synthCase.name());
      RandomGenerator random = TestBuildContext.random(seed);
      TestCortex cortex = TestCortex.of(INPUTS, HIDDEN, OUTPUTS, "tanh", seed);
      JacobianSynthesiser synthesiser = synthCase.create(HIDDEN);
      ParameterSet theta = synthesiser.initialParameters(random);
      Numerics.randomise(theta, 0.5, random);
      return new Fixture(cortex, synthesiser, theta, cortex.episodes(BATCH, STEPS, random));
    }

    Trained bpLambda(ParameterSet weights, Optimiser optimiser) {
      return new Trained(new BpLambda(cortex.network(), synthesiser, weights, Learners.JAVA, WorkSharing.COMMON,
          new BpLambda.Settings(0.9, 1, 1, Double.POSITIVE_INFINITY, false, TraceForm.TRACE, 0, false)),
          SyntheticFixtures.synthesiserGroup(weights, optimiser));
    }

    Trained dni(ParameterSet weights, Optimiser optimiser) {
      return new Trained(new Dni(cortex.network(), synthesiser, weights, new Dni.Settings(WINDOW, 1, 1, false)),
          SyntheticFixtures.synthesiserGroup(weights, optimiser));
    }

    /** The cortex gradient one batch hands over, parameters unchanged (the rule's own groups learn). */
    ParameterSet cortexGradient(Trained trained) {
      RecordingTrainingContext context = new RecordingTrainingContext(cortex.params()).training(trained.groups());
      trained.rule().train(batch, context);
      assertEquals(1, context.gradients("cortex").size());
      return context.total();
    }

    ParameterSet truncatedBptt(int truncation) {
      BpttType type = new BpttType();
      Network network = cortex.network();
      return cortexGradient(new Trained(type.create(TestConfigs.of(type, "truncation", truncation),
          new TestBuildContext(1, SyntheticFixtures.taskOf(network, batch), network)), new TrainedGroups()));
    }
  }

  /** A rule and the groups it trains beside the cortex, as its host would hold them. */
  private record Trained(LearningRule rule, TrainedGroups groups) {
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("synthesisers")
  void bpLambdaWithItsSynthesiserAblatedIsBpttOneUntilRestored(SynthesiserCase synthCase) {
    Fixture f = Fixture.of(synthCase);
    SyntheticFixtures.RecordingOptimiser optimiser = new SyntheticFixtures.RecordingOptimiser();
    Trained rule = f.bpLambda(f.theta(), optimiser);
    assertAblationGivesTruncatedBptt(f, rule, optimiser, f.truncatedBptt(1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("synthesisers")
  void dniWithItsSynthesiserAblatedIsTruncatedBpttUntilRestored(SynthesiserCase synthCase) {
    Fixture f = Fixture.of(synthCase);
    SyntheticFixtures.RecordingOptimiser optimiser = new SyntheticFixtures.RecordingOptimiser();
    Trained rule = f.dni(f.theta(), optimiser);
    assertAblationGivesTruncatedBptt(f, rule, optimiser, f.truncatedBptt(WINDOW));
  }

  private static void assertAblationGivesTruncatedBptt(Fixture f, Trained rule,
      SyntheticFixtures.RecordingOptimiser optimiser, ParameterSet truncated) {
    double intact = SyntheticFixtures.relativeError(f.cortexGradient(rule), truncated);
    assertTrue(intact > 1e-3, "an intact synthesiser changes the update: relative difference " + intact);
    assertEquals(1, optimiser.gradients.size(), "the intact synthesiser learns");

    rule.rule().act("ablate-synthesiser");
    for (int batch = 0; batch < 2; batch++) {
      double ablated = SyntheticFixtures.relativeError(f.cortexGradient(rule), truncated);
      assertTrue(ablated < 1e-12, "ablated: relative error against truncated BPTT " + ablated);
    }
    assertEquals(1, optimiser.gradients.size(), "an ablated synthesiser does not learn");

    rule.rule().act("restore");
    double restored = SyntheticFixtures.relativeError(f.cortexGradient(rule), truncated);
    assertTrue(restored > 1e-3, "restored: relative difference " + restored);
    assertEquals(2, optimiser.gradients.size(), "a restored synthesiser learns again");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("synthesisers")
  void bpLambdaWithTheOliveAblatedKeepsThetaAndStillSendsG(SynthesiserCase synthCase) {
    Fixture f = Fixture.of(synthCase);
    assertOliveAblation(f, f.theta(), f.bpLambda(f.theta(), new PlainSgd()),
        weights -> f.bpLambda(weights, new SyntheticFixtures.RecordingOptimiser()), f.truncatedBptt(1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("synthesisers")
  void dniWithTheOliveAblatedKeepsThetaAndStillSendsG(SynthesiserCase synthCase) {
    Fixture f = Fixture.of(synthCase);
    assertOliveAblation(f, f.theta(), f.dni(f.theta(), new PlainSgd()),
        weights -> f.dni(weights, new SyntheticFixtures.RecordingOptimiser()), f.truncatedBptt(WINDOW));
  }

  /**
   * @param theta the weights {@code rule} trains
   * @param intact the same rule, intact, with the given synthesiser weights
   */
  private static void assertOliveAblation(Fixture f, ParameterSet theta, Trained rule,
      Function<ParameterSet, Trained> intact, ParameterSet truncated) {
    ParameterSet before = theta.copy();
    f.cortexGradient(rule);
    assertTrue(!theta.equals(before), "an intact synthesiser learns");

    rule.rule().act("ablate-olive");
    ParameterSet frozen = theta.copy();
    ParameterSet last = null;
    for (int batch = 0; batch < 3; batch++) {
      last = f.cortexGradient(rule);
      assertEquals(frozen, theta, "theta is unchanged after " + (batch + 1) + " batches without the olive");
    }
    double sent = SyntheticFixtures.relativeError(last, truncated);
    assertTrue(sent > 1e-3, "g still reaches the cortex: relative difference to truncated BPTT " + sent);
    ParameterSet expected = f.cortexGradient(intact.apply(frozen.copy()));
    double same = SyntheticFixtures.relativeError(last, expected);
    assertTrue(same < 1e-12, "the cortex gets what an intact synthesiser with the frozen weights sends: " + same);

    rule.rule().act("restore");
    f.cortexGradient(rule);
    assertTrue(!theta.equals(frozen), "a restored olive teaches again");
  }

  @Test
  void anUnknownActionIsRefused() {
    Fixture f = Fixture.of(SynthesiserCase.all().findFirst().orElseThrow());
    LearningRule rule = f.bpLambda(f.theta(), new PlainSgd()).rule();
    assertThrows(UnsupportedOperationException.class, () -> rule.act("ablate-cortex"));
  }

  /** Plain SGD on theta, so that learning shows in the weights. */
  private static final class PlainSgd implements Optimiser {
    @Override
    public void step(List<Tensor> params, List<Tensor> grads) {
      for (int i = 0; i < params.size(); i++) {
        double[] p = params.get(i).data();
        double[] g = grads.get(i).data();
        for (int j = 0; j < p.length; j++) {
          p[j] -= 0.05 * g[j];
        }
      }
    }
  }
}
