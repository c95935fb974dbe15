package org.ccsim.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each check passes finite values, and names the quantity and step of the first NaN or infinity. */
class FiniteTest {

  @Test
  void aNonFiniteValueIsReportedWithItsQuantityAndStep() {
    assertDoesNotThrow(() -> Finite.check("TD error", 3, Double.MAX_VALUE));
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      DivergenceException e = assertThrows(DivergenceException.class, () -> Finite.check("TD error", 3, bad));
      assertEquals("TD error", e.quantity());
      assertEquals(3, e.step());
    }
  }

  @Test
  void arraysAreCheckedToTheirLastValue() {
    double[] y = {1, -2, 3};
    assertDoesNotThrow(() -> Finite.check("output y", 0, y));
    y[2] = Double.NaN;
    assertEquals("output y is not finite at step 7",
        assertThrows(DivergenceException.class, () -> Finite.check("output y", 7, y)).getMessage());
    double[][] batch = {{0, 0}, {0, Double.NEGATIVE_INFINITY}};
    assertEquals(2, assertThrows(DivergenceException.class, () -> Finite.check("g", 2, batch)).step());
  }

  @Test
  void aTensorIsNamedByKindGroupAndName() {
    Tensor w = Tensor.zeros("W_rec", "cortex", 2, 2);
    Tensor b = Tensor.zeros("b", "cortex", 2, 1);
    ParameterSet set = new ParameterSet(List.of(w, b));
    assertDoesNotThrow(() -> Finite.check("weight", 0, set));
    b.data()[1] = Double.POSITIVE_INFINITY;
    DivergenceException e = assertThrows(DivergenceException.class, () -> Finite.check("weight", 4, set));
    assertEquals("weight cortex/b", e.quantity());
    assertEquals(4, e.step());
    w.data()[0] = Double.NaN;
    assertEquals("gradient cortex/W_rec", assertThrows(DivergenceException.class,
        () -> Finite.check("gradient", DivergenceException.NO_STEP, List.of(w, b))).quantity(), "the first tensor wins");
    assertEquals("gradient cortex/W_rec is not finite", assertThrows(DivergenceException.class,
        () -> Finite.check("gradient", DivergenceException.NO_STEP, set)).getMessage());
  }
}
