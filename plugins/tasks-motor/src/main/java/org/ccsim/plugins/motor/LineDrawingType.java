package org.ccsim.plugins.motor;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Param;
import org.ccsim.api.Range;
import org.ccsim.api.Task;
import org.ccsim.api.TaskType;
import org.pf4j.Extension;

/**
 * The component {@code line-drawing}. Cues are one-hot, or fixed random binary codes of
 * {@code cueBits} bits (distinct and non-zero, drawn once per scenario from the task's own stream),
 * as in the BP(lambda) paper's toy task, or one scalar channel as in ccDNI's line drawing (Boven et
 * al. 2023; {@code sample_data} in its {@code src/dataset/linedraw.py}): with N = 2K targets the
 * integers K, K-1, ..., 1, -1, ..., -K go to targets 0, N-1, N-2, ..., 1 (clockwise from target 0),
 * 0 to the class "stay", each times {@code cueScale}.
 */
@Extension
public final class LineDrawingType implements TaskType {

  @Override
  public String id() {
    return "line-drawing";
  }

  @Override
  public String description() {
    return "a cue at step 1 selects one of N lines from the origin to a circle of radius R; MSE on the 2-D position";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.integer("steps", 10, Range.between(1, 100_000), "T, steps per episode"),
        Param.integer("targets", 6, Range.between(1, 3600), "N, targets evenly spaced on the circle"),
        Param.real("radius", 10.0, Range.greaterThan(0), "R, radius of the circle"),
        Param.real("firstAngle", 0.0, Range.between(-360, 360), "direction of target 0 in degrees; target c at firstAngle + 360 c / N"),
        Param.bool("stayClass", false, "add a class whose target stays at the origin"),
        Param.choice("cue", "one-hot", List.of("one-hot", "binary", "scalar"), "how the first input encodes the class"),
        Param.real("cueScale", 0.1, Range.greaterThan(0),
            "cue = scalar: one channel, k x cueScale with k = K, K-1, .., 1, -1, .., -K clockwise from target 0 (N = 2K), 0 for stay"),
        Param.integer("cueBits", 10, Range.between(1, 30), "length of the random binary cue codes (cue = binary)"),
        Param.optionalInteger("firstCueCode", Range.between(1, (1 << 30) - 1),
            "the binary code of class 0, bit j of the integer = input j (cue = binary); absent = drawn at random"),
        Param.integer("targetEvery", 1, Range.between(1, 100_000), "score every k-th step (t = k, 2k, ...)"),
        Param.bool("lastStepOnly", false, "score only the last step (overrides targetEvery)"),
        Param.choice("timing", "ccsim", List.of("ccsim", "ccdni"),
            "ccsim: y*_t = (t/T) R at t = 1..T, scored at t = k, 2k, ..; ccdni: y*_t = (t/(T-1)) R at t = 0..T-1"
                + " (origin first, end point last), scored at t = 0, k, 2k, .."),
        Param.real("inputNoise", 0.0, Range.atLeast(0), "sd of Gaussian sensory noise added to every input"));
  }

  @Override
  public Task create(Config config, BuildContext context) {
    int targets = config.integer("targets");
    int classes = targets + (config.bool("stayClass") ? 1 : 0);
    boolean ccdni = config.string("timing").equals("ccdni");
    if (ccdni && config.integer("steps") < 2) {
      throw new ConfigException("steps", "timing ccdni runs the line from the first step to the last: it needs at least 2 steps");
    }
    double[][] cues = switch (config.string("cue")) {
      case "one-hot" -> oneHot(classes);
      case "scalar" -> scalarCues(targets, classes, config.real("cueScale"));
      default -> binaryCodes(classes, config.integer("cueBits"),
          config.has("firstCueCode") ? config.integer("firstCueCode") : 0, context.random("cue-codes"));
    };
    return new LineDrawing(new LineDrawing.Spec(config.integer("steps"), targets,
        config.real("radius"), config.real("firstAngle"), config.bool("stayClass"), cues, config.integer("targetEvery"),
        config.bool("lastStepOnly"), config.real("inputNoise"), ccdni));
  }

  /** ccDNI's scalar cues: K, K-1, .., 1, -1, .., -K for targets 0, N-1, .., 1; 0 for "stay". */
  private static double[][] scalarCues(int targets, int classes, double scale) {
    if (targets % 2 != 0) {
      throw new ConfigException("targets", "cue scalar gives the N targets the values +-1 .. +-N/2: N must be even, not "
          + targets);
    }
    int half = targets / 2;
    double[][] cues = new double[classes][1];
    for (int c = 0; c < targets; c++) {
      int clockwise = (targets - c) % targets;
      int k = clockwise < half ? half - clockwise : half - clockwise - 1;
      cues[c][0] = k * scale;
    }
    return cues;
  }

  private static double[][] oneHot(int classes) {
    double[][] cues = new double[classes][classes];
    for (int c = 0; c < classes; c++) {
      cues[c][c] = 1;
    }
    return cues;
  }

  /** Distinct non-zero codes; class 0 gets {@code firstCode} unless it is 0. */
  private static double[][] binaryCodes(int classes, int bits, int firstCode, RandomGenerator random) {
    if (classes > (1L << bits) - 1) {
      throw new ConfigException("cueBits", bits + " bits give only " + ((1L << bits) - 1)
          + " distinct non-zero codes, fewer than the " + classes + " classes");
    }
    if (firstCode >= 1 << bits) {
      throw new ConfigException("firstCueCode", firstCode + " needs more than cueBits = " + bits + " bits");
    }
    Set<Integer> used = new HashSet<>();
    double[][] cues = new double[classes][bits];
    for (int c = 0; c < classes; c++) {
      int code = c == 0 && firstCode != 0 ? firstCode : 0;
      while (code == 0 || !used.add(code)) {
        code = 1 + random.nextInt((1 << bits) - 1);
      }
      for (int b = 0; b < bits; b++) {
        cues[c][b] = (code >> b) & 1;
      }
    }
    return cues;
  }
}
