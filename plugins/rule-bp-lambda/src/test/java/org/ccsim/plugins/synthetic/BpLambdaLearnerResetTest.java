package org.ccsim.plugins.synthetic;

import static org.ccsim.plugins.synthetic.Numerics.flat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.plugins.synthetic.bplambda.BpLambdaLearner;
import org.ccsim.testkit.RecordingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ALGORITHMS §3b: traces and previous predictions reset at episode boundaries. A learner that saw an
 * unfinished episode (no final step, so nothing zeroed its state) and was then {@link
 * BpLambdaLearner#reset} behaves exactly like a fresh one.
 */
class BpLambdaLearnerResetTest {

  static java.util.stream.Stream<SynthesiserCase> synthesisers() {
    return SynthesiserCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("synthesisers")
  void resetForgetsAnUnfinishedEpisode(SynthesiserCase synthCase) {
    int n = 4;
    int batch = 2;
    int steps = 6;
    RandomGenerator random = TestBuildContext.random(5);
    TestCortex cortex = TestCortex.of(3, n, 2, "tanh", 5);
    JacobianSynthesiser synthesiser = synthCase.create(n);
    ParameterSet theta = synthesiser.initialParameters(random);
    Numerics.randomise(theta, 0.5, random);
    List<Episode> unfinished = cortex.episodes(batch, steps, random);
    List<Episode> episodes = cortex.episodes(batch, steps, random);

    BpLambdaLearner used = Learners.trace(synthesiser, theta, batch, 0.9, 0.95, Double.POSITIVE_INFINITY);
    BpLambdaLearner fresh = Learners.trace(synthesiser, theta, batch, 0.9, 0.95, Double.POSITIVE_INFINITY);
    used.reset();
    run(cortex, unfinished, used, steps - 2);
    used.reset();
    fresh.reset();
    LockstepBatch run = new LockstepBatch(cortex.network(), episodes, cortex.params());
    RecordingTrainingContext context = new RecordingTrainingContext(cortex.params());
    ParameterSet ignored = cortex.params().zerosLike();
    double[][] g = new double[batch][n];
    for (int t = 0; t < steps; t++) {
      boolean last = t == steps - 1;
      run.forward(t, cortex.params(), context, ignored);
      if (t > 0) {
        double[] expected = flat(fresh.correct(run.states(t), run.immediate(t), run.jacobians(t), last));
        double[] actual = flat(used.correct(run.states(t), run.immediate(t), run.jacobians(t), last));
        assertArrayEquals(expected, actual, "update at step " + t);
      }
      fresh.predict(run.states(t), run.jacobians(t), last, g);
      used.predict(run.states(t), run.jacobians(t), last, g);
    }
  }

  /** Runs the first {@code steps} steps of a batch, never reaching its final step. */
  private static void run(TestCortex cortex, List<Episode> episodes, BpLambdaLearner learner, int steps) {
    LockstepBatch run = new LockstepBatch(cortex.network(), episodes, cortex.params());
    RecordingTrainingContext context = new RecordingTrainingContext(cortex.params());
    ParameterSet ignored = cortex.params().zerosLike();
    double[][] g = new double[episodes.size()][cortex.network().hiddenSize()];
    for (int t = 0; t < steps; t++) {
      run.forward(t, cortex.params(), context, ignored);
      if (t > 0) {
        learner.correct(run.states(t), run.immediate(t), run.jacobians(t), false);
      }
      learner.predict(run.states(t), run.jacobians(t), false, g);
    }
  }
}
