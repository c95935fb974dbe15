package org.example.rflo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.api.Tensor;
import org.ccsim.testkit.FiniteDifferences;
import org.ccsim.testkit.RecordingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.ccsim.testkit.TestEpisodes;
import org.junit.jupiter.api.Test;

/**
 * RFLO's gradient on a frozen trajectory against its update rule written out (see {@link Rflo}),
 * with every derivative taken by finite differences of the network's forward step.
 */
class RfloUpdateTest {

  private static final int M = 2;
  private static final int N = 3;
  private static final int K = 2;

  private final Network net = Fixtures.tanhRnn(M, N, K);
  private final RfloType type = new RfloType();
  private final ParameterSet params = net.initialParameters(TestBuildContext.random(3));
  private final List<Episode> batch = TestEpisodes.masked(2, 5, M, K, 2, TestBuildContext.random(4));

  @Test
  void withSymmetricFeedbackAndNoTraceMemoryItIsTruncatedBpttOfOneStep() {
    LearningRule rule = type.create(TestConfigs.of(type, "tau", 1.0, "feedback", "readout"), new TestBuildContext(1, null, net));
    assertClose(gradient(rule), immediateLossGradient(), "RFLO(tau = 1, W_out^T) against BPTT(1)");
  }

  @Test
  void withRandomFeedbackTheCortexFollowsTheLeakyTracesAndTheReadoutItsExactGradient() {
    double tau = 3;
    Rflo rule = (Rflo) type.create(TestConfigs.of(type, "tau", tau), new TestBuildContext(1, null, net));
    double[] b = rule.feedback();
    ParameterSet expected = immediateLossGradient();
    for (Tensor t : expected.tensors()) {
      if (t.group().equals("cortex")) {
        java.util.Arrays.fill(t.data(), 0);
      }
    }
    for (Episode episode : batch) {
      List<Step> steps = trajectory(episode);
      ParameterSet[] traces = new ParameterSet[N];
      for (int i = 0; i < N; i++) {
        traces[i] = params.zerosLike();
      }
      for (int t = 0; t < steps.size(); t++) {
        Step step = steps.get(t);
        double[] dLdy = new double[K];
        episode.lossGradient(t, step.y, dLdy);
        for (int i = 0; i < N; i++) {
          int unit = i;
          ParameterSet immediate = FiniteDifferences.gradient(params, p -> forward(p, step.hPrev, step.x).h[unit]);
          traces[i].scale(1 - 1 / tau);
          traces[i].addScaled(immediate, 1 / tau);
          double u = 0;
          for (int o = 0; o < K; o++) {
            u += b[i * K + o] * dLdy[o];
          }
          for (String name : List.of("W_in", "W_rec", "b")) {
            double[] target = expected.get(name).data();
            double[] trace = traces[i].get(name).data();
            for (int j = 0; j < target.length; j++) {
              target[j] += u * trace[j] / batch.size();
            }
          }
        }
      }
    }
    assertClose(gradient(rule), expected, "RFLO(tau = 3, random B) against its update rule");
  }

  private ParameterSet gradient(LearningRule rule) {
    RecordingTrainingContext context = new RecordingTrainingContext(params);
    rule.train(batch, context);
    return context.total();
  }

  /** d/dPsi of sum_t l_t(y_t) with every h_{t-1} held at its value on the trajectory, batch mean. */
  private ParameterSet immediateLossGradient() {
    ParameterSet sum = params.zerosLike();
    for (Episode episode : batch) {
      List<Step> steps = trajectory(episode);
      sum.addScaled(FiniteDifferences.gradient(params, p -> {
        double loss = 0;
        for (int t = 0; t < steps.size(); t++) {
          loss += episode.loss(t, forward(p, steps.get(t).hPrev, steps.get(t).x).y);
        }
        return loss;
      }), 1.0 / batch.size());
    }
    return sum;
  }

  private List<Step> trajectory(Episode episode) {
    List<Step> steps = new java.util.ArrayList<>();
    double[] h = net.initialState();
    for (int t = 0; t < episode.length(); t++) {
      Step step = forward(params, h, episode.input(t));
      steps.add(step);
      h = step.h;
    }
    return steps;
  }

  private Step forward(ParameterSet p, double[] hPrev, double[] x) {
    Step step = net.newStep();
    net.forward(p, hPrev, x, step);
    return step;
  }

  private static void assertClose(ParameterSet actual, ParameterSet expected, String what) {
    double error = FiniteDifferences.relativeError(actual, expected);
    assertTrue(error < 1e-6, what + ": relative error " + error);
  }
}
