package org.ccsim.plugins.cerebellum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import org.ccsim.api.ConfigException;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cerebellum's structure (ALGORITHMS §4) against a dense computation by hand: exactly f distinct
 * fibres per granule cell, a zero Purkinje output at the start, {@code g = W_pc phi(W_mg h + b_g) + b_pc}
 * with {@code W_mg} read as the dense matrix it is stored as, and the fraction of active granule
 * cells; bad combinations are refused while building.
 */
class CerebellumSynthesiserTest {

  private static final int N = 6;

  private static JacobianSynthesiser create(Object... overrides) {
    CerebellumType type = new CerebellumType();
    TanhRnnType rnn = new TanhRnnType();
    return (JacobianSynthesiser) type.create(TestConfigs.of(type, overrides), new TestBuildContext(3, null,
        rnn.create(TestConfigs.of(rnn, "hidden", N), new TestBuildContext(1, TestBuildContext.taskOfSize(2, 2), null))));
  }

  @Test
  void everyGranuleCellReceivesExactlyFanInDistinctFibres() {
    MossyFibres fibres = MossyFibres.draw(40, N, 4, TestBuildContext.random(9));
    int[] uses = new int[N];
    for (int c = 0; c < fibres.cells(); c++) {
      int[] inputs = fibres.of(c);
      assertEquals(4, inputs.length);
      for (int k = 1; k < inputs.length; k++) {
        assertTrue(inputs[k] > inputs[k - 1], "distinct, increasing: cell " + c);
      }
      for (int j : inputs) {
        uses[j]++;
        assertTrue(fibres.connects(c, j));
      }
    }
    for (int j = 0; j < N; j++) {
      assertTrue(uses[j] > 0, "every fibre is drawn somewhere among 40 cells: fibre " + j);
    }
  }

  @ParameterizedTest(name = "{0}, bias {1}")
  @CsvSource({"relu, 0.0", "relu, -0.3", "threshold, 0.2"})
  void predictionIsTheDenseComputationAndTheActiveFractionCountsFiringCells(String nonlinearity, double bias) {
    Synthesiser synth = create("expansion", 5, "fanIn", 3, "nonlinearity", nonlinearity, "granuleBias", bias);
    RandomGenerator random = TestBuildContext.random(4);
    ParameterSet theta = synth.initialParameters(random);
    double[] h = new double[N];
    for (int j = 0; j < N; j++) {
      h[j] = random.nextGaussian();
    }
    double[] g = new double[N];
    synth.predict(theta, h, g);
    assertEquals(0.0, java.util.Arrays.stream(g).map(Math::abs).sum(), "the Purkinje layer starts at zero");

    double[] wpc = theta.get("W_pc").data();
    double[] bpc = theta.get("b_pc").data();
    for (int i = 0; i < wpc.length; i++) {
      wpc[i] = random.nextGaussian();
    }
    for (int i = 0; i < N; i++) {
      bpc[i] = random.nextGaussian();
    }
    int cells = 5 * N;
    double[] wmg = theta.get("W_mg").data();
    double[] z = new double[cells];
    int active = 0;
    for (int c = 0; c < cells; c++) {
      double a = theta.get("b_g").data()[c];
      for (int j = 0; j < N; j++) {
        a += wmg[c * N + j] * h[j];
      }
      z[c] = nonlinearity.equals("relu") ? Math.max(0, a) : (a > 0 ? 1 : 0);
      active += a > 0 ? 1 : 0;
    }
    synth.predict(theta, h, g);
    for (int i = 0; i < N; i++) {
      double expected = bpc[i];
      for (int c = 0; c < cells; c++) {
        expected += wpc[i * cells + c] * z[c];
      }
      assertEquals(expected, g[i], 1e-12 * (1 + Math.abs(expected)), "g_" + i);
    }
    assertEquals((double) active / cells, synth.activeFraction(theta, h), 1e-15);
    assertTrue(active > 0 && active < cells, "a mixed granule layer: " + active + " of " + cells);
  }

  @Test
  void badCombinationsAreRefusedWhileBuilding() {
    ConfigException wide = assertThrows(ConfigException.class, () -> create("fanIn", N + 1));
    assertTrue(wide.getMessage().contains("at most"), wide.getMessage());
    ConfigException binary = assertThrows(ConfigException.class,
        () -> create("nonlinearity", "threshold", "plasticity", "all"));
    assertTrue(binary.getMessage().contains("relu"), binary.getMessage());
  }

  @Test
  void purkinjePlasticityTrainsOnlyThePurkinjeLayer() {
    ParameterSet purkinje = create("expansion", 2).initialParameters(TestBuildContext.random(1));
    assertEquals(java.util.List.of("W_pc", "b_pc"),
        purkinje.group(Synthesiser.TRAINED).stream().map(org.ccsim.api.Tensor::name).toList());
    assertTrue(create("expansion", 2).linearInTrainedWeights());
    ParameterSet all = create("expansion", 2, "plasticity", "all").initialParameters(TestBuildContext.random(1));
    assertEquals(java.util.List.of("W_mg", "b_g", "W_pc", "b_pc"),
        all.group(Synthesiser.TRAINED).stream().map(org.ccsim.api.Tensor::name).toList());
    assertTrue(!create("expansion", 2, "plasticity", "all").linearInTrainedWeights());
  }
}
