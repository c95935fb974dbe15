package org.ccsim.plugins.motor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.Probe;
import org.ccsim.api.SquaredErrorEpisode;
import org.ccsim.api.Task;

/**
 * Centre-out reaching: a cue gives the direction theta of a target at distance R, and the 2-D
 * output is the hand position, which should follow the straight path
 * {@code y*_t = R s(t / T) (cos theta, sin theta)}, t = 1..T, with the linear profile
 * {@code s(u) = u} or the minimum-jerk profile {@code s(u) = 10u^3 - 15u^4 + 6u^5} (Flash &amp; Hogan
 * 1985). theta is one of N evenly spaced directions, or drawn uniformly (continuous). The cue is
 * one-hot over the N directions, or {@code (cos theta, sin theta)}, shown for the first
 * {@code cueSteps} steps; the position is scored on every k-th step or only at the end.
 */
final class Reaching implements Task {

  /** The speed profile {@code s(u)} along the path, u = t / T. */
  enum Profile {
    LINEAR, MINIMUM_JERK;

    double at(double u) {
      return this == LINEAR ? u : u * u * u * (10 - 15 * u + 6 * u * u);
    }
  }

  /**
   * @param steps T
   * @param targets N, directions (discrete), or probe directions (continuous)
   * @param continuous whether theta is drawn uniformly rather than from the N directions
   * @param oneHot whether the cue is one-hot over the N directions, else (cos, sin)
   * @param radius R
   * @param firstAngle direction of target 0 in degrees
   * @param profile s(u)
   * @param cueSteps steps from the first during which the cue is shown
   * @param targetEvery score steps t with t % targetEvery == 0 (1-based)
   * @param lastStepOnly score only step T
   * @param points the end point (x, y) of each target, or {@code null} for N evenly spaced targets at R
   */
  record Spec(int steps, int targets, boolean continuous, boolean oneHot, double radius, double firstAngle,
      Profile profile, int cueSteps, int targetEvery, boolean lastStepOnly, double[][] points) {
  }

  private final Spec spec;

  Reaching(Spec spec) {
    this.spec = spec;
  }

  @Override
  public int inputSize() {
    return spec.oneHot() ? spec.targets() : 2;
  }

  @Override
  public int outputSize() {
    return 2;
  }

  @Override
  public Episode sample(RandomGenerator random) {
    if (spec.continuous()) {
      return episode(-1, 2 * Math.PI * random.nextDouble(), spec.radius());
    }
    int target = random.nextInt(spec.targets());
    return episode(target, direction(target), distance(target));
  }

  /** One probe per target direction (evenly spaced in the continuous case too). */
  @Override
  public List<Probe> probes() {
    List<Probe> probes = new ArrayList<>();
    for (int c = 0; c < spec.targets(); c++) {
      double theta = direction(c);
      String label = String.format(Locale.ROOT, "target %d (%.0f deg)", c, Math.toDegrees(theta));
      probes.add(new Probe(label, episode(spec.continuous() ? -1 : c, theta, distance(c)), path(theta, distance(c))));
    }
    return probes;
  }

  private double direction(int target) {
    if (spec.points() != null) {
      return Math.atan2(spec.points()[target][1], spec.points()[target][0]);
    }
    return Math.toRadians(spec.firstAngle()) + 2 * Math.PI * target / spec.targets();
  }

  private double distance(int target) {
    return spec.points() == null ? spec.radius() : Math.hypot(spec.points()[target][0], spec.points()[target][1]);
  }

  /** The episode towards direction theta and distance; {@code target} indexes the one-hot cue. */
  SquaredErrorEpisode episode(int target, double theta, double distance) {
    int steps = spec.steps();
    double[][] inputs = new double[steps][inputSize()];
    for (int t = 0; t < Math.min(spec.cueSteps(), steps); t++) {
      if (spec.oneHot()) {
        inputs[t][target] = 1;
      } else {
        inputs[t][0] = Math.cos(theta);
        inputs[t][1] = Math.sin(theta);
      }
    }
    double[][] path = path(theta, distance);
    double[][] targets = new double[steps][];
    for (int t = 0; t < steps; t++) {
      boolean scored = spec.lastStepOnly() ? t == steps - 1 : (t + 1) % spec.targetEvery() == 0;
      targets[t] = scored ? path[t] : null;
    }
    return new SquaredErrorEpisode(inputs, targets);
  }

  private double[][] path(double theta, double distance) {
    double[][] path = new double[spec.steps()][];
    for (int t = 0; t < spec.steps(); t++) {
      double reach = distance * spec.profile().at((t + 1) / (double) spec.steps());
      path[t] = new double[] {reach * Math.cos(theta), reach * Math.sin(theta)};
    }
    return path;
  }
}
