package org.ccsim.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Paired statistics of a small table against values computed independently, once, with Python 3
 * and SciPy 1.17.1:
 * <pre>
 * x = [3.1, 2.4, 5.0, 4.2, 3.9, 2.2, 4.8, 3.3]; y = [2.0, 2.9, 3.1, 3.0, 4.3, 1.05, 2.5, 1.6]
 * scipy.stats.ttest_rel(x, y).pvalue                    -> 0.021832920302745848
 * scipy.stats.wilcoxon(x, y, method='exact').pvalue     -> 0.0390625
 * d = x - y; d.mean() / d.std(ddof=1)                   -> 1.0380804047146737
 * ranks of |d| (scipy.stats.rankdata): W+ = 33, W- = 3  -> r = (33 - 3) / 36 = 0.8333333333333334
 * </pre>
 * By hand: the negative differences -0.4 and -0.5 have the two smallest ranks, so W- = 3, and
 * 5 of the 256 sign patterns give W- &lt;= 3 ({}, {1}, {2}, {3}, {1, 2}): p = 2 * 5 / 256 = 0.0390625.
 */
class ComparisonTest {

  private static final double[] X = {3.1, 2.4, 5.0, 4.2, 3.9, 2.2, 4.8, 3.3};
  private static final double[] Y = {2.0, 2.9, 3.1, 3.0, 4.3, 1.05, 2.5, 1.6};

  private static Map<Integer, Double> byReplicate(double[] values) {
    Map<Integer, Double> map = new TreeMap<>();
    for (int i = 0; i < values.length; i++) {
      map.put(i + 1, values[i]);
    }
    return map;
  }

  @Test
  void pairedTestsAndEffectSizesMatchAnIndependentComputation() {
    Comparison c = Comparison.of(byReplicate(X), byReplicate(Y));

    assertEquals(8, c.n());
    assertEquals(8, c.pairs());
    assertEquals(1.05625, c.difference(), 1e-12);
    assertEquals(1.0380804047146737, c.effectSize(), 1e-12);
    assertEquals(0.021832920302745848, c.pT(), 1e-10);
    assertEquals(0.0390625, c.pWilcoxon(), 1e-12);
    assertEquals(0.8333333333333334, c.rankBiserial(), 1e-12);
  }

  @Test
  void theWilcoxonPOfDifferencesAtTheCentreIsOne() {
    // differences 1, -1, 2, -2: W+ = W- = 5; P(W <= 5) = 9/16 for 4 pairs, so 2 * 9/16 capped at 1
    Comparison c = Comparison.of(byReplicate(new double[] {1, -1, 2, -2}), byReplicate(new double[] {0, 0, 0, 0}));
    assertEquals(1.0, c.pWilcoxon());
  }

  @Test
  void swappingTheRulesFlipsTheSignsButNotThePValues() {
    Comparison c = Comparison.of(byReplicate(Y), byReplicate(X));

    assertEquals(-1.05625, c.difference(), 1e-12);
    assertEquals(-0.8333333333333334, c.rankBiserial(), 1e-12);
    assertEquals(0.0390625, c.pWilcoxon(), 1e-12);
  }

  @Test
  void onlyReplicatesWithAValueForBothRulesArePaired() {
    Map<Integer, Double> values = byReplicate(X);
    values.put(9, Double.NaN);
    values.put(10, 7.0);
    Map<Integer, Double> reference = byReplicate(Y);
    reference.put(9, 1.0);
    reference.put(11, 2.0);

    Comparison c = Comparison.of(values, reference);

    assertEquals(9, c.n(), "the own statistics use every value");
    assertEquals((java.util.Arrays.stream(X).sum() + 7) / 9, c.mean(), 1e-12);
    assertEquals(8, c.pairs(), "replicates 9 (undefined), 10 and 11 (one rule only) are not paired");
    assertEquals(0.0390625, c.pWilcoxon(), 1e-12);
    assertEquals(0.021832920302745848, c.pT(), 1e-10);
  }

  @Test
  void fewerThanTwoPairsHaveNoTest() {
    Comparison c = Comparison.of(Map.of(1, 2.0, 2, 3.0), Map.of(1, 1.0, 3, 1.0));

    assertEquals(1, c.pairs());
    assertTrue(Double.isNaN(c.pT()));
    assertTrue(Double.isNaN(c.pWilcoxon()));
  }
}
