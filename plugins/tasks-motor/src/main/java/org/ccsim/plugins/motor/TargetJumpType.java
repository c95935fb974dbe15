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
 * Target jump: from step {@code atStep} on, the target is rotated by theta about the origin (the
 * target jumps to another direction mid-movement). Since {@code ||R y* - y|| = ||y* - R^T y||}, the
 * loss from then on is {@code l_t^base(R_{-theta} y)}: a rotation of the output that starts at that
 * step. Nothing in the input signals the jump; the network learns it because it always happens the
 * same way. An {@code atStep} beyond the episode fails the scenario's dry step.
 */
@Extension
public final class TargetJumpType implements PerturbationType {

  @Override
  public String id() {
    return "target-jump";
  }

  @Override
  public String description() {
    return "target jump: from step `atStep` on, the 2-D target is rotated by `degrees` about the origin";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.real("degrees", 45.0, Range.between(-360, 360), "how far the target jumps, counter-clockwise"),
        Param.integer("atStep", 5, Range.between(1, 100_000), "the first step (1-based) with the jumped target"));
  }

  @Override
  public Perturbation create(Config config, BuildContext context) {
    Planar.require(context);
    int from = config.integer("atStep") - 1;
    PlaneRotation inverse = PlaneRotation.of(-config.real("degrees"), from);
    return task -> new PerturbedTask(task, (episode, random) -> {
      if (from >= episode.length()) {
        throw new IllegalArgumentException("target-jump: atStep " + (from + 1) + " is beyond the episode's "
            + episode.length() + " steps");
      }
      return new MappedOutputEpisode(episode, inverse);
    });
  }
}
