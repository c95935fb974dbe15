package org.ccsim.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.SquaredErrorEpisode;

/** Random episodes for testing rules on frozen trajectories. */
public final class TestEpisodes {

  private TestEpisodes() {
  }

  /**
   * Episodes with inputs and targets uniform in [-1, 1] at every step; the target counts on steps
   * with {@code (t + 1) % every == 0}.
   */
  public static List<Episode> masked(int count, int length, int inputs, int outputs, int every,
      RandomGenerator random) {
    List<Episode> episodes = new ArrayList<>();
    for (int e = 0; e < count; e++) {
      double[][] x = new double[length][inputs];
      double[][] target = new double[length][];
      for (int t = 0; t < length; t++) {
        for (int i = 0; i < inputs; i++) {
          x[t][i] = random.nextDouble(-1, 1);
        }
        double[] y = new double[outputs];
        for (int o = 0; o < outputs; o++) {
          y[o] = random.nextDouble(-1, 1);
        }
        target[t] = (t + 1) % every == 0 ? y : null;
      }
      episodes.add(new SquaredErrorEpisode(x, target));
    }
    return episodes;
  }
}
