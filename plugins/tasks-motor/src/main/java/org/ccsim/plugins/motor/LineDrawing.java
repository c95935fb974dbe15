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
 * Line drawing, the toy motor task of the BP(lambda) and ccDNI papers (Pemberton &amp; Costa 2024;
 * Boven et al. 2023): a cue at the first step selects one of N targets on a circle of radius R,
 * {@code theta_c = theta_0 + 2 pi c / N}, optionally plus a class "stay at origin"; the 2-D target is the
 * straight line from the origin to the target, scored on every {@code targetEvery}-th step or only
 * on the last. With ccsim's timing the line is {@code y*_t = (t / T) R (cos theta_c, sin theta_c)}
 * for t = 1..T, scored at t = k, 2k, ...; with ccDNI's ({@code linspace} in its
 * {@code draw_2dline}) it is {@code y*_t = (t / (T - 1)) R (cos theta_c, sin theta_c)} for
 * t = 0..T-1, from the origin at the first step to the end point at the last, scored at
 * t = 0, k, 2k, ... (its {@code spars_int}). Inputs after the first step are zero, plus optional
 * Gaussian sensory noise on every input.
 */
final class LineDrawing implements Task {

  /**
   * @param steps T
   * @param targets N, targets on the circle
   * @param radius R
   * @param firstAngle theta_0 in degrees
   * @param stayClass whether there is an extra class with target 0 throughout
   * @param cues one cue vector per class (m values each)
   * @param targetEvery score steps t with t % targetEvery == 0 (1-based, or 0-based with ccDNI's timing)
   * @param lastStepOnly score only step T
   * @param inputNoise sd of the noise added to every input
   * @param ccdniTiming the line from the origin at the first step to the end point at the last
   */
  record Spec(int steps, int targets, double radius, double firstAngle, boolean stayClass, double[][] cues, int targetEvery,
      boolean lastStepOnly, double inputNoise, boolean ccdniTiming) {
  }

  private final Spec spec;

  LineDrawing(Spec spec) {
    this.spec = spec;
  }

  @Override
  public int inputSize() {
    return spec.cues()[0].length;
  }

  @Override
  public int outputSize() {
    return 2;
  }
  /** Number of classes: targets, plus one for "stay". */
  int classes() {
    return spec.cues().length;
  }

  @Override
  public Episode sample(RandomGenerator random) {
    return episode(random.nextInt(classes()), random);
  }

  /** The episode of class {@code c}; {@code random} supplies only the sensory noise. */
  SquaredErrorEpisode episode(int c, RandomGenerator random) {
    SquaredErrorEpisode episode = noiseFree(c);
    if (spec.inputNoise() > 0) {
      for (double[] input : episode.inputs()) {
        for (int i = 0; i < input.length; i++) {
          input[i] += spec.inputNoise() * random.nextGaussian();
        }
      }
    }
    return episode;
  }

  /** One noise-free probe per class, with the whole line as its path. */
  @Override
  public List<Probe> probes() {
    List<Probe> probes = new ArrayList<>();
    for (int c = 0; c < classes(); c++) {
      String label = c == spec.targets() ? "stay" : String.format(Locale.ROOT, "target %d (%.0f deg)", c,
          Math.toDegrees(angle(c)));
      probes.add(new Probe(label, noiseFree(c), path(c)));
    }
    return probes;
  }

  private SquaredErrorEpisode noiseFree(int c) {
    int steps = spec.steps();
    double[][] inputs = new double[steps][inputSize()];
    inputs[0] = spec.cues()[c].clone();
    double[][] path = path(c);
    double[][] targets = new double[steps][];
    for (int t = 0; t < steps; t++) {
      int counted = spec.ccdniTiming() ? t : t + 1;
      boolean scored = spec.lastStepOnly() ? t == steps - 1 : counted % spec.targetEvery() == 0;
      targets[t] = scored ? path[t] : null;
    }
    return new SquaredErrorEpisode(inputs, targets);
  }

  private double angle(int c) {
    return Math.toRadians(spec.firstAngle()) + 2 * Math.PI * c / spec.targets();
  }

  /** {@code y*_t} at every step: the line to the target of class c, or the origin for "stay". */
  private double[][] path(int c) {
    double[][] path = new double[spec.steps()][];
    for (int t = 0; t < spec.steps(); t++) {
      double fraction = spec.ccdniTiming() ? (double) t / (spec.steps() - 1) : (double) (t + 1) / spec.steps();
      double reach = c == spec.targets() ? 0 : spec.radius() * fraction;
      path[t] = new double[] {reach * Math.cos(angle(c)), reach * Math.sin(angle(c))};
    }
    return path;
  }
}
