package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.ParameterSet;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.plugins.synthesisers.MlpSynthesiser;
import org.ccsim.plugins.synthetic.bplambda.BpLambda;
import org.ccsim.plugins.synthetic.bplambda.TraceForm;
import org.ccsim.plugins.synthetic.dni.Dni;
import org.ccsim.testkit.TestBuildContext;
import org.junit.jupiter.api.Test;

/**
 * ALGORITHMS §5 for rules that update the weights during a batch, {@code bp-lambda} with
 * {@code update: step} and {@code dni} with {@code update: window}: each diagnostic uses, at every
 * step, the weights that step ran with, not the batch's last. The reference ({@link ReplayedBatch})
 * re-runs the episodes by hand with the copies of the cortex's and the synthesiser's weights that the
 * context kept each time the rule handed it an update, before applying it with SGD.
 */
class UpdatesDuringTheBatchDiagnosticsTest {

  static final int HIDDEN = 4;
  static final int STEPS = 7;
  static final int BATCH = 2;
  static final int WINDOW = 3;
  static final double SG_WEIGHT = 0.7;
  static final double CORTEX_RATE = 0.5;
  static final double SYNTHESISER_RATE = 0.5;
  static final List<String> METRICS = List.of(Diagnostics.ALIGNMENT, Diagnostics.SG_ALIGNMENT,
      Diagnostics.SG_NORM_RATIO, Diagnostics.CORRELATION, Diagnostics.ACTIVE_FRACTION);

  private final RandomGenerator random = TestBuildContext.random(81);
  private final TestCortex cortex = TestCortex.of(3, HIDDEN, 2, "tanh", 81);
  private final MlpSynthesiser synthesiser = SyntheticFixtures.mlp(cortex.network(), "hidden", 6);
  private final ParameterSet theta = SyntheticFixtures.perturbed(synthesiser.initialParameters(random), 0.5, random);
  private final List<Episode> episodes = cortex.episodes(BATCH, STEPS, random);
  private final SgdContext context = new SgdContext(cortex.params(), theta, CORTEX_RATE, SYNTHESISER_RATE);

  @Test
  void bpLambdaUpdatingAtEveryStepIsDiagnosedWithEachStepsWeights() {
    ParameterSet initialTheta = theta.copy();
    new BpLambda(cortex.network(), synthesiser, theta, Learners.JAVA, WorkSharing.COMMON,
        new BpLambda.Settings(0.5, 1, SG_WEIGHT, Double.POSITIVE_INFINITY, true, TraceForm.TRACE, 0, false))
        .train(episodes, context);
    assertEquals(STEPS, context.kept.size(), "an update after every step");
    // update t comes after step t has predicted g_t with the synthesiser's weights of its own update
    IntFunction<SgdContext.Weights> step = context.kept::get;
    ReplayedBatch replay = new ReplayedBatch(cortex.network(), episodes, t -> step.apply(t).cortex());
    double[][][] g = replay.predictions(synthesiser, t -> step.apply(t).synthesiser());
    Map<String, Double> expected = new HashMap<>(replay.diagnostics(g, SG_WEIGHT, g));
    // as step t began, the synthesiser had the weights of update t-1
    expected.put(Diagnostics.ACTIVE_FRACTION, replay.activeFraction(synthesiser,
        t -> t == 0 ? initialTheta : step.apply(t - 1).synthesiser()));
    assertRecorded(expected);
  }

  @Test
  void dniUpdatingAfterEveryWindowIsDiagnosedWithEachWindowsWeights() {
    new Dni(cortex.network(), synthesiser, theta, new Dni.Settings(WINDOW, SG_WEIGHT, SG_WEIGHT, true))
        .train(episodes, context);
    assertEquals(3, context.kept.size(), "windows [0, 3), [3, 6), [6, 7)");
    IntFunction<SgdContext.Weights> window = t -> context.kept.get(t / WINDOW);
    ReplayedBatch replay = new ReplayedBatch(cortex.network(), episodes, t -> window.apply(t).cortex());
    IntFunction<ParameterSet> thetaAt = t -> window.apply(t).synthesiser();
    Map<String, Double> expected = new HashMap<>(
        replay.diagnostics(received(replay, thetaAt), 1, replay.predictions(synthesiser, thetaAt)));
    expected.put(Diagnostics.ACTIVE_FRACTION, replay.activeFraction(synthesiser, thetaAt));
    assertRecorded(expected);
  }

  /**
   * The future gradients {@code G_t} the DNI cortex receives: {@code s g(h_e)} at each window's last
   * step e (none at the episode's end), {@code G_{t-1} = (c_t + G_t) J_t} inside the window.
   */
  private double[][][] received(ReplayedBatch replay, IntFunction<ParameterSet> thetaAt) {
    double[][][] future = new double[BATCH][STEPS][];
    for (int b = 0; b < BATCH; b++) {
      for (int start = 0; start < STEPS; start += WINDOW) {
        int end = Math.min(start + WINDOW, STEPS);
        double[] incoming = new double[HIDDEN];
        if (end < STEPS) {
          synthesiser.predict(thetaAt.apply(end - 1), replay.h[b][end - 1], incoming);
          for (int i = 0; i < HIDDEN; i++) {
            incoming[i] *= SG_WEIGHT;
          }
        }
        for (int t = end - 1; t >= start; t--) {
          future[b][t] = incoming;
          incoming = replay.vjp(b, t, ReplayedBatch.sum(replay.c[b][t], incoming));
        }
      }
    }
    return future;
  }

  private void assertRecorded(Map<String, Double> expected) {
    List<SgdContext.Weights> kept = context.kept;
    assertNotEquals(kept.get(0).cortex(), kept.get(kept.size() - 1).cortex(), "the cortex learns during the batch");
    assertNotEquals(kept.get(0).synthesiser(), kept.get(kept.size() - 1).synthesiser(),
        "the synthesiser learns during the batch");
    assertAll(METRICS.stream().map(metric -> () ->
        assertEquals(expected.get(metric), context.metrics.get(metric), 1e-12, metric)));
  }
}
