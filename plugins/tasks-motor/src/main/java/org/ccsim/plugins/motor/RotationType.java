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
 * Visuomotor rotation: the produced 2-D output is rotated by theta before the error is computed,
 * {@code l_t(y) = l_t^base(R_theta y)}, so {@code dl_t/dy = R_theta^T dl_t^base/dy'} at
 * {@code y' = R_theta y}. The learner must rotate its output by {@code -theta} to compensate.
 */
@Extension
public final class RotationType implements PerturbationType {

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
    Planar.require(context);
    PlaneRotation rotation = PlaneRotation.of(config.real("degrees"), 0);
    return task -> new PerturbedTask(task, (episode, random) -> new MappedOutputEpisode(episode, rotation));
  }
}
