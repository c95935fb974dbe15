package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.ccsim.api.Episode;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.Optimiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.plugins.synthetic.bplambda.BpLambda;
import org.ccsim.plugins.synthetic.bplambda.TraceForm;
import org.ccsim.testkit.RecordingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The history form of BP(lambda) hands the synthesiser's optimiser the same updates as the trace
 * form, step by step, while theta moves (update = step) or not (update = episode); and spreading a
 * batch over threads changes no bit of any update; on a tanh, an identity and an LSTM cortex.
 */
class TraceFormEquivalenceTest {

  static final int INPUTS = 3;
  /**
   * The state: large enough for the trace product to take the SIMD kernel (inner dimension of 8 or
   * more); 10 tanh or identity units, or an LSTM of 5.
   */
  static final int HIDDEN = 10;
  static final int OUTPUTS = 2;
  static final int STEPS = 8;
  static final int BATCH = 4;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    SynthesiserCase.all().filter(c -> c.create(HIDDEN).linearInTrainedWeights()).forEach(synthesiser -> {
      for (String phi : List.of("tanh", "identity", "lstm")) {
        for (boolean everyStep : new boolean[] {false, true}) {
          for (double lambda : new double[] {0, 0.7, 1}) {
            out.add(Arguments.of(synthesiser, phi, everyStep, lambda));
          }
        }
      }
    });
    return out.stream();
  }

  @ParameterizedTest(name = "{0}, {1}, every step {2}, lambda {3}")
  @MethodSource("cases")
  void historyFormGivesTheTraceFormsUpdates(SynthesiserCase synthCase, String phi, boolean everyStep, double lambda) {
    List<double[]> trace = updates(synthCase, phi, everyStep, lambda, TraceForm.TRACE, false);
    List<double[]> history = updates(synthCase, phi, everyStep, lambda, TraceForm.HISTORY, false);
    assertEquals(trace.size(), history.size());
    assertTrue(trace.stream().anyMatch(u -> java.util.Arrays.stream(u).anyMatch(x -> Math.abs(x) > 1e-3)),
        "non-trivial updates");
    for (int i = 0; i < trace.size(); i++) {
      double error = Numerics.relativeError(history.get(i), trace.get(i));
      assertTrue(error <= 1e-10, "update " + i + ": relative error " + error);
    }
  }

  @ParameterizedTest(name = "{0}, {1}, every step {2}, lambda {3}")
  @MethodSource("cases")
  void threadsChangeNoBit(SynthesiserCase synthCase, String phi, boolean everyStep, double lambda) {
    for (TraceForm form : TraceForm.values()) {
      List<double[]> serial = updates(synthCase, phi, everyStep, lambda, form, false);
      List<double[]> parallel = updates(synthCase, phi, everyStep, lambda, form, true);
      for (int i = 0; i < serial.size(); i++) {
        assertArrayEquals(serial.get(i), parallel.get(i), form + " update " + i);
      }
    }
  }

  /** Every synthesiser update of two batches, then the cortex's total gradient, flattened. */
  private static List<double[]> updates(SynthesiserCase synthCase, String phi, boolean everyStep, double lambda,
      TraceForm form, boolean parallel) {
    long seed = Objects.hash(synthCase.name(), phi, everyStep, lambda);
    RandomGenerator random = TestBuildContext.random(seed);
    TestCortex cortex = TestCortex.of(INPUTS, HIDDEN, OUTPUTS, phi, seed);
    JacobianSynthesiser synthesiser = synthCase.create(HIDDEN);
    ParameterSet theta = synthesiser.initialParameters(random);
    Numerics.randomise(theta, 0.5, random);
    RecordingSgd optimiser = new RecordingSgd();
    BpLambda rule = new BpLambda(cortex.network(), synthesiser, theta, Learners.JAVA, WorkSharing.COMMON,
        new BpLambda.Settings(lambda, 0.95, 0.8, Double.POSITIVE_INFINITY, everyStep, form, 0, parallel));
    RecordingTrainingContext context = new RecordingTrainingContext(cortex.params())
        .training(SyntheticFixtures.synthesiserGroup(theta, optimiser));
    for (int batch = 0; batch < 2; batch++) {
      List<Episode> episodes = cortex.episodes(BATCH, STEPS, random);
      rule.train(episodes, context);
    }
    List<double[]> out = new ArrayList<>(optimiser.updates);
    out.add(Numerics.flat(context.total()));
    return out;
  }

  /** Plain SGD that keeps a copy of every gradient: theta moves as it would in a run. */
  private static final class RecordingSgd implements Optimiser {
    final List<double[]> updates = new ArrayList<>();

    @Override
    public void step(List<Tensor> params, List<Tensor> grads) {
      updates.add(Numerics.flat(grads));
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
