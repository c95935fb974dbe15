package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.random.RandomGenerator;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.core.optim.Adam;
import org.ccsim.plugins.synthetic.bplambda.BpLambda;
import org.ccsim.plugins.synthetic.bplambda.EligibilityTrace;
import org.ccsim.plugins.synthetic.bplambda.TraceForm;
import org.ccsim.testkit.RecordingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cerebellar synthesiser (ALGORITHMS §4) inside BP(lambda): its mossy-fibre wiring survives
 * training of every weight, and with Purkinje plasticity its structured trace
 * ({@code dg/dtheta = I (x) [z; 1]^T}, added to diagonal blocks only) holds {@code n (n N_gc + n)}
 * values per example and equals a dense reference computation. The forward/backward-view identity
 * (§6.2) and the history form run over it through {@link SynthesiserCase}.
 */
class CerebellumTest {

  private static final int INPUTS = 3;
  private static final int HIDDEN = 6;
  private static final int OUTPUTS = 2;
  private static final int EXPANSION = 3;
  private static final int FAN_IN = 2;

  @ParameterizedTest(name = "update every step: {0}")
  @ValueSource(booleans = {true, false})
  void structuralZerosOfTheMossyFibresStayZeroWhenEveryWeightLearns(boolean everyStep) {
    TestCortex cortex = TestCortex.of(INPUTS, HIDDEN, OUTPUTS, "tanh", 5);
    JacobianSynthesiser synthesiser = SyntheticFixtures.cerebellum(HIDDEN, "expansion", EXPANSION, "fanIn", FAN_IN,
        "plasticity", "all", "granuleBias", 0.1);
    RandomGenerator random = TestBuildContext.random(6);
    ParameterSet theta = synthesiser.initialParameters(random);
    double[] initial = theta.get("W_mg").data().clone();
    int cells = EXPANSION * HIDDEN;
    for (int c = 0; c < cells; c++) {
      int wired = 0;
      for (int j = 0; j < HIDDEN; j++) {
        wired += initial[c * HIDDEN + j] != 0 ? 1 : 0;
      }
      assertEquals(FAN_IN, wired, "granule cell " + c + " receives exactly fanIn mossy fibres");
    }
    BpLambda rule = new BpLambda(cortex.network(), synthesiser, theta, Learners.JAVA, WorkSharing.COMMON,
        new BpLambda.Settings(0.9, 1, 1, Double.POSITIVE_INFINITY, everyStep, TraceForm.TRACE, 0, false));
    RecordingTrainingContext context = RecordingTrainingContext.applying(cortex.params(), 0.01)
        .training(SyntheticFixtures.synthesiserGroup(theta, new Adam(0.01, 0.9, 0.999, 1e-8)));
    for (int batch = 0; batch < 10; batch++) {
      rule.train(cortex.episodes(4, 6, random), context);
    }

    double[] trained = theta.get("W_mg").data();
    int moved = 0;
    for (int p = 0; p < trained.length; p++) {
      if (initial[p] == 0) {
        assertEquals(0.0, trained[p], "structural zero W_mg[" + p / HIDDEN + ", " + p % HIDDEN + "]");
      } else if (trained[p] != initial[p]) {
        moved++;
      }
    }
    assertTrue(moved > cells * FAN_IN / 2, "most mossy-fibre synapses learnt: " + moved + " of " + cells * FAN_IN);
  }

  @ParameterizedTest(name = "plasticity {0}")
  @ValueSource(strings = {"purkinje", "all"})
  void structuredTraceEqualsADenseReference(String plasticity) {
    int n = 4;
    int expansion = 2;
    JacobianSynthesiser synthesiser = SyntheticFixtures.cerebellum(n, "expansion", expansion, "fanIn", 3, "plasticity", plasticity);
    RandomGenerator random = TestBuildContext.random(8);
    ParameterSet theta = synthesiser.initialParameters(random);
    Numerics.randomise(theta, 0.5, random);
    int size = TrainedVector.size(theta);
    if (plasticity.equals("purkinje")) {
      assertEquals(n * (expansion * n) + n, size, "P = n N_gc + n");
    }
    double decay = 0.7;
    EligibilityTrace trace = new EligibilityTrace(synthesiser, theta, Learners.JAVA, 1, decay);
    trace.reset();
    double[][] dense = new double[n][size];
    for (int t = 0; t < 5; t++) {
      double[] h = Numerics.gaussian(n, 1, random);
      double[] j = Numerics.gaussian(n * n, 0.6, random);
      trace.advance(0, h, Numerics.dense(j, n));
      dense = referenceStep(synthesiser, theta, dense, j, h, decay);
      double[] transposed = trace.transposed(0);
      assertEquals(n * size, transposed.length, "the trace holds n x P values");
      double[] expected = new double[n * size];
      for (int i = 0; i < n; i++) {
        for (int p = 0; p < size; p++) {
          expected[p * n + i] = dense[i][p];
        }
      }
      Numerics.assertClose(expected, transposed, 1e-12, 1e-14, "trace at step " + t);
    }
  }

  /**
   * {@code e_t = decay J_t e_{t-1} + dg_t/dtheta} with dense matrices, row i of {@code dg/dtheta}
   * from the gradient of {@code g_i} alone.
   */
  private static double[][] referenceStep(Synthesiser synthesiser, ParameterSet theta, double[][] previous,
      double[] j, double[] h, double decay) {
    int n = previous.length;
    int size = previous[0].length;
    double[][] next = new double[n][size];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        for (int p = 0; p < size; p++) {
          next[i][p] += decay * j[i * n + k] * previous[k][p];
        }
      }
      double[] unit = new double[n];
      unit[i] = 1;
      ParameterSet row = theta.zerosLike();
      synthesiser.accumulateParameterGradient(theta, h, unit, row);
      double[] values = Numerics.flat(TrainedVector.trained(row));
      for (int p = 0; p < size; p++) {
        next[i][p] += values[p];
      }
    }
    return next;
  }
}
