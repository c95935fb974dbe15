package org.ccsim.plugins.synthetic;

import static org.ccsim.plugins.synthetic.GoldenFile.row;
import static org.ccsim.plugins.synthetic.GoldenFile.values;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.ccsim.api.Episode;

/**
 * Example b of a golden sequence as an episode, with the reference's loss convention
 * ({@code golden/README.md}): input at every step, one target at the last step,
 * {@code dl/dy = (y - target) / B}, not divided by the output size.
 */
record GoldenEpisode(GoldenFile file, JsonNode seq, int b) implements Episode {

  @Override
  public int length() {
    return seq.get("steps").size();
  }

  @Override
  public double[] input(int t) {
    return values(seq.get("inputs").get(b).get(t));
  }

  @Override
  public boolean hasTarget(int t) {
    return t == length() - 1;
  }

  @Override
  public double loss(int t, double[] y) {
    if (!hasTarget(t)) {
      return 0;
    }
    double[] target = row(seq.get("target"), b);
    double sum = 0;
    for (int o = 0; o < y.length; o++) {
      sum += 0.5 * (y[o] - target[o]) * (y[o] - target[o]);
    }
    return sum / file.batch();
  }

  @Override
  public void lossGradient(int t, double[] y, double[] out) {
    Arrays.fill(out, 0.0);
    if (hasTarget(t)) {
      double[] target = row(seq.get("target"), b);
      for (int o = 0; o < out.length; o++) {
        out[o] = (y[o] - target[o]) / file.batch();
      }
    }
  }
}
