package org.ccsim.plugins.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGeneratorFactory;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;
import org.ccsim.core.compute.JavaCompute;
import org.junit.jupiter.api.Test;

class TanhRnnInitialisationTest {

  private static ParameterSet draw(TanhRnn net, long seed) {
    return net.initialParameters(RandomGeneratorFactory.of("L64X128MixRandom").create(seed));
  }

  @Test
  void sameStreamGivesSameParametersAndOtherStreamsDiffer() {
    TanhRnn net = new TanhRnn(3, 6, 2, TanhRnn.Nonlinearity.TANH, 1, new TanhRnn.Init(false, 1, 1, 0, 1),
        new JavaCompute());
    assertEquals(draw(net, 5), draw(net, 5));
    assertNotEquals(draw(net, 5), draw(net, 6));
  }

  @Test
  void groupsAndShapesFollowAlgorithmsSectionOne() {
    ParameterSet p = draw(new TanhRnn(3, 6, 2, TanhRnn.Nonlinearity.TANH, 1, new TanhRnn.Init(false, 1, 1, 0, 1),
        new JavaCompute()), 1);
    assertEquals(java.util.List.of("cortex", "readout"), p.groups());
    assertEquals("W_in[cortex, 6x3]", p.get("W_in").toString());
    assertEquals("W_rec[cortex, 6x6]", p.get("W_rec").toString());
    assertEquals("W_out[readout, 2x6]", p.get("W_out").toString());
    assertEquals(0.0, java.util.Arrays.stream(p.get("b").data()).map(Math::abs).sum());
  }

  @Test
  void pytorchInitialisationIsUniformInPlusMinusOneOverRootN() {
    ParameterSet p = draw(new TanhRnn(3, 16, 2, TanhRnn.Nonlinearity.IDENTITY, 1, new TanhRnn.Init(true, 1, 1, 0, 1),
        new JavaCompute()), 4);
    double bound = 0.25;
    for (String name : new String[] {"W_in", "W_rec", "W_out", "b_out"}) {
      double[] values = p.get(name).data();
      assertTrue(java.util.Arrays.stream(values).allMatch(v -> Math.abs(v) < bound), name);
      assertTrue(java.util.Arrays.stream(values).anyMatch(v -> Math.abs(v) > bound / 2), name + " spans the range");
    }
    double[] b = p.get("b").data();
    assertTrue(java.util.Arrays.stream(b).allMatch(v -> Math.abs(v) < 2 * bound), "b is the sum of two draws");
    assertTrue(java.util.Arrays.stream(b).anyMatch(v -> Math.abs(v) > bound), "b reaches beyond one draw's range");
  }

  @Test
  void spectralRadiusIsImposedWhenGiven() {
    ParameterSet p = draw(new TanhRnn(2, 20, 2, TanhRnn.Nonlinearity.TANH, 1, new TanhRnn.Init(false, 1, 1, 0.9, 1),
        new JavaCompute()), 3);
    Tensor w = p.get("W_rec");
    double[][] rows = new double[20][20];
    for (int i = 0; i < 20; i++) {
      System.arraycopy(w.data(), i * 20, rows[i], 0, 20);
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(rows));
    double radius = 0;
    for (int i = 0; i < 20; i++) {
      radius = Math.max(radius, Math.hypot(eigen.getRealEigenvalue(i), eigen.getImagEigenvalue(i)));
    }
    assertEquals(0.9, radius, 1e-9);
  }
}
