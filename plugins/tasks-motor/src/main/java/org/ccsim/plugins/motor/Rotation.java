package org.ccsim.plugins.motor;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Episode;
import org.ccsim.api.Param;
import org.ccsim.api.Perturbation;
import org.ccsim.api.PerturbationType;
import org.ccsim.api.Range;
import org.ccsim.api.Task;
import org.pf4j.Extension;

/**
 * Visuomotor rotation: the produced 2-D output is rotated by theta before the error is computed,
 * {@code l_t(y) = l_t^base(R_theta y)}, so {@code dl_t/dy = R_theta^T dl_t^base/dy'} at
 * {@code y' = R_theta y}. The learner must rotate its output by {@code -theta} to compensate.
 */
@Extension
public final class Rotation implements PerturbationType {

  @Override
  public String id() {
    return "rotation";
  }

  @Override
  public String description() {
    return "visuomotor rotation: the 2-D output is rotated by `degrees` (counter-clockwise) before the error";
  }

  @Override
  public List<Param> parameters() {
    return List.of(Param.real("degrees", 30.0, Range.between(-360, 360), "rotation angle, counter-clockwise"));
  }

  @Override
  public Perturbation create(Config config, BuildContext context) {
    if (context.task().outputSize() != 2) {
      throw new ConfigException("rotation needs a task with 2-D output, not " + context.task().outputSize() + "-D");
    }
    double radians = Math.toRadians(config.real("degrees"));
    return task -> new Rotated(task, Math.cos(radians), Math.sin(radians));
  }

  /** A task whose episodes score the rotated output. */
  private record Rotated(Task base, double cos, double sin) implements Task {

    @Override
    public int inputSize() {
      return base.inputSize();
    }

    @Override
    public int outputSize() {
      return 2;
    }
    @Override
    public Episode sample(RandomGenerator random) {
      Episode episode = base.sample(random);
      return new Episode() {
        @Override
        public int length() {
          return episode.length();
        }

        @Override
        public double[] input(int t) {
          return episode.input(t);
        }

        @Override
        public boolean hasTarget(int t) {
          return episode.hasTarget(t);
        }

        @Override
        public double loss(int t, double[] y) {
          return episode.loss(t, rotate(y));
        }

        @Override
        public void lossGradient(int t, double[] y, double[] out) {
          double[] g = new double[2];
          episode.lossGradient(t, rotate(y), g);
          out[0] = cos * g[0] + sin * g[1];
          out[1] = -sin * g[0] + cos * g[1];
        }
      };
    }

    private double[] rotate(double[] y) {
      return new double[] {cos * y[0] - sin * y[1], sin * y[0] + cos * y[1]};
    }
  }
}
