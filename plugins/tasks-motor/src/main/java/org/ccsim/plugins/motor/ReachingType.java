package org.ccsim.plugins.motor;

import java.util.List;
import java.util.Locale;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Param;
import org.ccsim.api.Range;
import org.ccsim.api.Task;
import org.ccsim.api.TaskType;
import org.pf4j.Extension;

/** The component {@code reaching}: centre-out reaching, see {@link Reaching}. */
@Extension
public final class ReachingType implements TaskType {

  @Override
  public String id() {
    return "reaching";
  }

  @Override
  public String description() {
    return "centre-out reaching: a cue gives a target direction; the 2-D hand position follows a straight path"
        + " with a linear or minimum-jerk profile (Flash & Hogan 1985)";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.integer("steps", 10, Range.between(1, 100_000), "T, steps per movement"),
        Param.integer("targets", 8, Range.between(1, 3600),
            "N, evenly spaced target directions (continuous: the probe directions of trajectory plots)"),
        Param.choice("directions", "discrete", List.of("discrete", "continuous"),
            "targets from the N directions, or at an angle drawn uniformly"),
        Param.choice("cue", "one-hot", List.of("one-hot", "direction"),
            "the cue: one-hot over the N directions (discrete only), or (cos theta, sin theta)"),
        Param.real("radius", 10.0, Range.greaterThan(0), "R, distance of the targets from the start"),
        Param.real("firstAngle", 0.0, Range.between(-360, 360), "direction of target 0 in degrees"),
        Param.choice("profile", "minimum-jerk", List.of("minimum-jerk", "linear"),
            "s(u) along the path: 10u^3 - 15u^4 + 6u^5, or u"),
        Param.integer("cueSteps", 1, Range.between(1, 100_000), "the cue is shown on the first cueSteps steps"),
        Param.integer("targetEvery", 1, Range.between(1, 100_000), "score every k-th step (t = k, 2k, ...)"),
        Param.bool("lastStepOnly", false, "score only the last step (overrides targetEvery)"),
        Param.optionalFile("targetsFile", "CSV of target end points x,y, one per line (discrete directions);"
            + " replaces targets, radius and firstAngle; absent = the N evenly spaced targets"));
  }

  @Override
  public Task create(Config config, BuildContext context) {
    boolean continuous = config.string("directions").equals("continuous");
    boolean oneHot = config.string("cue").equals("one-hot");
    if (continuous && oneHot) {
      throw new ConfigException("cue", "a one-hot cue needs discrete directions; use cue = direction");
    }
    double[][] points = null;
    if (config.has("targetsFile")) {
      if (continuous) {
        throw new ConfigException("targetsFile", "a targets file gives discrete targets; use directions = discrete");
      }
      points = TargetsFile.read("targetsFile", config.file("targetsFile"));
    }
    Reaching.Profile profile = Reaching.Profile.valueOf(config.string("profile").replace('-', '_').toUpperCase(Locale.ROOT));
    return new Reaching(new Reaching.Spec(config.integer("steps"), points == null ? config.integer("targets") : points.length,
        continuous, oneHot, config.real("radius"), config.real("firstAngle"), profile, config.integer("cueSteps"),
        config.integer("targetEvery"), config.bool("lastStepOnly"), points));
  }
}
