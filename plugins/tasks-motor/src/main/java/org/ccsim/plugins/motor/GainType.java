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
 * Visuomotor gain: the output is scaled by g before the error, {@code l_t(y) = l_t^base(g y)}, so
 * {@code dl_t/dy = g dl_t^base/dy'}; the learner must scale its movement by {@code 1/g}.
 */
@Extension
public final class GainType implements PerturbationType {

  @Override
  public String id() {
    return "gain";
  }

  @Override
  public String description() {
    return "visuomotor gain: the output is multiplied by `factor` before the error";
  }

  @Override
  public List<Param> parameters() {
    return List.of(Param.real("factor", 1.5, Range.between(-100, 100), "g, the factor applied to the output"));
  }

  @Override
  public Perturbation create(Config config, BuildContext context) {
    double g = config.real("factor");
    OutputMap scale = new OutputMap() {
      @Override
      public void apply(int t, double[] y, double[] out) {
        for (int i = 0; i < y.length; i++) {
          out[i] = g * y[i];
        }
      }

      @Override
      public void pullBack(int t, double[] gradient, double[] out) {
        apply(t, gradient, out);
      }
    };
    return task -> new PerturbedTask(task, (episode, random) -> new MappedOutputEpisode(episode, scale));
  }
}
