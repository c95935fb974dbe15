package org.ccsim.plugins.motor;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Param;
import org.ccsim.api.Perturbation;
import org.ccsim.api.PerturbationType;
import org.ccsim.api.Range;
import org.pf4j.Extension;

/**
 * Motor (execution) noise: Gaussian noise is added to the output before the error,
 * {@code l_t(y) = l_t^base(y + sigma eps_t)}, with {@code eps_t} drawn once per episode from the
 * replicate's sample stream, so every rule of a replicate meets the same noise and the gradient is
 * that of the loss actually recorded.
 */
@Extension
public final class MotorNoiseType implements PerturbationType {

  @Override
  public String id() {
    return "noise";
  }

  @Override
  public String description() {
    return "motor noise: Gaussian noise of sd `sd` is added to the output before the error";
  }

  @Override
  public List<Param> parameters() {
    return List.of(Param.real("sd", 1.0, Range.atLeast(0), "sigma, sd of the noise on each output value"));
  }

  @Override
  public Perturbation create(Config config, BuildContext context) {
    double sd = config.real("sd");
    return task -> new PerturbedTask(task, (episode, random) -> {
      double[][] noise = new double[episode.length()][task.outputSize()];
      for (double[] step : noise) {
        for (int i = 0; i < step.length; i++) {
          step[i] = sd * random.nextGaussian();
        }
      }
      return new MappedOutputEpisode(episode, new OutputMap() {
        @Override
        public void apply(int t, double[] y, double[] out) {
          for (int i = 0; i < y.length; i++) {
            out[i] = y[i] + noise[t][i];
          }
        }

        @Override
        public void pullBack(int t, double[] g, double[] out) {
          System.arraycopy(g, 0, out, 0, g.length);
        }
      });
    });
  }
}
