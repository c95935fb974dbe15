package org.ccsim.plugins.sequence;

import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.SquaredErrorEpisode;
import org.ccsim.api.Task;

/**
 * The add task of Marschall, Cho &amp; Savin (JMLR 2020; their code's {@code Add_Task}): i.i.d.
 * Bernoulli(1/2) input bits {@code x_t} on one channel and the target
 * {@code y*_t = 0.5 + 0.5 x_{t-t1} - 0.25 x_{t-t2}}, scored by the squared error from step t2 on (the
 * first step whose target both lags define). A rule that assigns credit over neither lag can only
 * learn the mean 0.625, one that reaches t1 but not t2 only the t1 term; {@link #landmark} gives the
 * loss each of them is left with.
 */
final class AddTask implements Task {

  /** Which of the two lags a predictor captures; the task's loss landmarks. */
  enum Captured { NEITHER, FIRST, BOTH }

  private final int length;
  private final int firstLag;
  private final int secondLag;

  AddTask(int length, int firstLag, int secondLag) {
    this.length = length;
    this.firstLag = firstLag;
    this.secondLag = secondLag;
  }

  /**
   * The expected loss per scored step, {@code 0.5 E(y* - y)^2}, of the best predictor that captures
   * {@code captured}: the variance of the terms it misses, each bit having variance 1/4, so
   * {@code 0.5 (0.5^2 + 0.25^2) / 4 = 0.0390625} for neither lag, {@code 0.5 (0.25^2) / 4 = 0.0078125}
   * for the first only, and 0 for both.
   */
  static double landmark(Captured captured) {
    double bitVariance = 0.25;
    return switch (captured) {
      case NEITHER -> 0.5 * (0.5 * 0.5 + 0.25 * 0.25) * bitVariance;
      case FIRST -> 0.5 * 0.25 * 0.25 * bitVariance;
      case BOTH -> 0;
    };
  }

  @Override
  public int inputSize() {
    return 1;
  }

  @Override
  public int outputSize() {
    return 1;
  }

  @Override
  public Episode sample(RandomGenerator random) {
    double[][] inputs = new double[length][];
    double[][] targets = new double[length][];
    for (int t = 0; t < length; t++) {
      inputs[t] = new double[] {random.nextBoolean() ? 1.0 : 0.0};
    }
    for (int t = secondLag; t < length; t++) {
      targets[t] = new double[] {0.5 + 0.5 * inputs[t - firstLag][0] - 0.25 * inputs[t - secondLag][0]};
    }
    return new SquaredErrorEpisode(inputs, targets);
  }
}
