package org.ccsim.plugins.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.plugins.lstm.LstmType;
import org.ccsim.testkit.RecordingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.ccsim.testkit.TestEpisodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ALGORITHMS §6 identity 8, on frozen weights: SnAp-1 equals RTRL when {@code W_rec} is diagonal (on the
 * LSTM, when {@code W_h = 0}, where {@code J_t} is block-diagonal per unit); e-prop with symmetric
 * feedback equals RTRL when {@code W_rec = 0}; and the mean of UORO's estimates over independent sign
 * draws converges to RTRL's gradient with an error falling like {@code 1/sqrt(draws)}. Each exactness
 * comes with its converse: on a full {@code W_rec} the approximations differ from RTRL.
 */
class ApproximateRulesTest {

  private static final double EXACT = 1e-10;

  @ParameterizedTest
  @ValueSource(doubles = {1.0, 0.3})
  void snap1EqualsRtrlForADiagonalRecurrentMatrixAndNotOtherwise(double alpha) {
    Network net = OnlineRules.tanhRnn(3, 6, 2, "alpha", alpha);
    ParameterSet params = net.initialParameters(TestBuildContext.random(21));
    List<Episode> batch = batch(net, 9, 22);
    assertTrue(error(new Snap1Type(), net, params, batch) > 1e-3, "a full W_rec leaves SnAp-1's pattern");
    keepDiagonal(params.get("W_rec").data(), 6);
    double error = error(new Snap1Type(), net, params, batch);
    assertTrue(error < EXACT, "relative error " + error);
  }

  @Test
  void snap1EqualsRtrlOnTheLstmWithoutRecurrentWeights() {
    LstmType type = new LstmType();
    Network net = type.create(TestConfigs.of(type, "hidden", 3), OnlineRules.context(2, 2, null, 1));
    ParameterSet params = net.initialParameters(TestBuildContext.random(23));
    List<Episode> batch = batch(net, 7, 24);
    assertTrue(error(new Snap1Type(), net, params, batch) > 1e-3, "W_h couples the units");
    Arrays.fill(params.get("W_h").data(), 0.0);
    double error = error(new Snap1Type(), net, params, batch);
    assertTrue(error < EXACT, "relative error " + error);
  }

  @ParameterizedTest
  @ValueSource(doubles = {1.0, 0.3})
  void symmetricEpropEqualsRtrlWithoutRecurrentWeightsAndNotOtherwise(double alpha) {
    Network net = OnlineRules.tanhRnn(3, 6, 2, "alpha", alpha);
    ParameterSet params = net.initialParameters(TestBuildContext.random(25));
    List<Episode> batch = batch(net, 9, 26);
    keepDiagonal(params.get("W_rec").data(), 6);
    assertTrue(error(new EPropType(), net, params, batch) > 1e-3, "even a diagonal W_rec is outside e-prop's trace");
    Arrays.fill(params.get("W_rec").data(), 0.0);
    double error = error(new EPropType(), net, params, batch);
    assertTrue(error < EXACT, "relative error " + error);
    double random = error(new EPropType(), net, params, batch, "feedback", "random");
    assertTrue(random > 0.1, "random feedback is not W_out (relative error " + random + ")");
  }

  @Test
  void epropRefusesANetworkWithoutALeak() {
    LstmType type = new LstmType();
    Network net = type.create(TestConfigs.of(type, "hidden", 2), OnlineRules.context(2, 2, null, 1));
    ConfigException refused = assertThrows(ConfigException.class, () -> OnlineRules.rule(new EPropType(), net, 1));
    assertTrue(refused.getMessage().contains("leak"), refused.getMessage());
  }

  /**
   * UORO's mean over D independent draws (one rule, one sign stream, the batch trained D times) against
   * RTRL: with {@code v} the mean squared relative error of one draw, an unbiased estimator's mean has
   * an error near {@code sqrt(v / D)}, so the error falls by 2 for every 4 times more draws. A bias
   * would show as an error that stops falling: a wrong rho (one that does not cancel in
   * {@code s_t theta_t}) or signs with P(+1) = 0.625 break the upper bound by D = 1600 (both
   * checked by hand).
   */
  @Test
  void uoroMeanConvergesToRtrlLikeOneOverTheRootOfTheDraws() {
    Network net = OnlineRules.tanhRnn(3, 5, 2);
    ParameterSet params = net.initialParameters(TestBuildContext.random(27));
    List<Episode> batch = batch(net, 6, 28);
    ParameterSet exact = OnlineRules.gradient(OnlineRules.rule(new RtrlType(), net, 1), params, batch);
    LearningRule uoro = OnlineRules.rule(new UoroType(), net, 29);
    ParameterSet sum = params.zerosLike();
    double squares = 0;
    int draws = 0;
    StringBuilder table = new StringBuilder("draws  error  sqrt(v/draws)\n");
    double previous = Double.NaN;
    for (int target : new int[] {400, 1600, 6400, 25600}) {
      for (; draws < target; draws++) {
        ParameterSet estimate = OnlineRules.gradient(uoro, params, batch);
        double one = OnlineRules.relativeError(net, exact, estimate);
        squares += one * one;
        sum.addScaled(estimate, 1.0);
      }
      ParameterSet mean = sum.copy();
      mean.scale(1.0 / draws);
      double error = OnlineRules.relativeError(net, exact, mean);
      double expected = Math.sqrt(squares / draws / draws);
      table.append(String.format(Locale.ROOT, "%5d  %.4f  %.4f%n", draws, error, expected));
      assertTrue(error < 2.0 * expected && error > 0.4 * expected, "error against sqrt(v/D):\n" + table);
      if (!Double.isNaN(previous)) {
        assertTrue(error < previous / 1.4, "four times the draws must halve the error:\n" + table);
      }
      previous = error;
    }
    System.out.print("UORO against RTRL, relative error of the mean:\n" + table);
    assertTrue(previous < 0.05, "after 25600 draws:\n" + table);
  }

  @Test
  void everyApproximationHandsOverOncePerStepWhenAskedAndReportsEveryOutput() {
    Network net = OnlineRules.tanhRnn(3, 4, 2);
    ParameterSet params = net.initialParameters(TestBuildContext.random(30));
    List<Episode> batch = batch(net, 5, 31);
    for (var type : List.of(new UoroType(), new Snap1Type(), new EPropType())) {
      RecordingTrainingContext context = new RecordingTrainingContext(params);
      OnlineRules.rule(type, net, 1, "update", "step").train(batch, context);
      assertEquals(5, context.gradients().size(), type.id());
      assertEquals(15, context.outputsObserved(), type.id());
    }
  }

  private static double error(LearningRuleType type, Network net, ParameterSet params,
      List<Episode> batch, Object... settings) {
    ParameterSet exact = OnlineRules.gradient(OnlineRules.rule(new RtrlType(), net, 1), params, batch);
    return OnlineRules.relativeError(net, exact, OnlineRules.gradient(OnlineRules.rule(type, net, 1, settings), params, batch));
  }

  private static List<Episode> batch(Network net, int length, long seed) {
    return TestEpisodes.masked(3, length, net.inputSize(), net.outputSize(), 2, TestBuildContext.random(seed));
  }

  private static void keepDiagonal(double[] w, int n) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          w[i * n + j] = 0.0;
        }
      }
    }
  }
}
