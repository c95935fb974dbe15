package org.ccsim.plugins.sequence;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Param;
import org.ccsim.api.Range;
import org.ccsim.api.Task;
import org.ccsim.api.TaskType;
import org.pf4j.Extension;

/**
 * The component {@code copy-repeat}, see {@link CopyRepeat}. The defaults are the reference's
 * (neuralml/bp_lambda): {@code bits} = 8 is {@code bit_dimension: 8} and {@code repeatScale} = 10 is
 * {@code norm_repeat_val: 10}, both in {@code scripts/configs/dataset_copy_repeat.yaml} (the count is
 * divided by it in {@code BatchGenerator.get_norm_repeat}, {@code src/dataset/copy_repeat.py}); pattern
 * length and repeat count 1 are where the reference's curriculum starts ({@code self.N = 1} and
 * {@code self.R = 1} in {@code BatchGenerator.__init__}; {@code seq_len = 5}, the episode length
 * (1 + 1) 1 + 3, in {@code scripts/copy-repeat.py}).
 *
 * <p>With {@code curriculum} on, training moves through the reference's curriculum
 * ({@link CopyRepeatCurriculum}) from (minLength, minRepeats) to (maxLength, maxRepeats), each stage
 * after a batch below {@code passBits} bits per scored output (the reference's 0.15,
 * {@code increment_copy_repeat} in {@code scripts/copy-repeat.py}); the host records the stage as the
 * metric {@code stage}.
 */
@Extension
public final class CopyRepeatType implements TaskType {

  /** Bounds on L and N; the longest episode, (1000 + 1) 1000 + 3 steps, still indexes an array. */
  private static final Range COUNT = Range.between(1, 1000);

  @Override
  public String id() {
    return "copy-repeat";
  }

  @Override
  public String description() {
    return "repeat copy (Graves et al. 2014): a random binary pattern of L steps, a repeat count N, then the"
        + " pattern N times and an end marker; bit-wise cross-entropy on the answer";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.integer("bits", 8, Range.between(1, 1000),
            "channels of a pattern step; inputs are bits + 2 (start delimiter, repeat count), outputs bits + 1 (end marker)"),
        Param.integer("minLength", 1, COUNT, "smallest pattern length L, drawn uniformly per episode"),
        Param.integer("maxLength", 1, COUNT, "largest pattern length L"),
        Param.integer("minRepeats", 1, COUNT, "smallest repeat count N, drawn uniformly per episode"),
        Param.integer("maxRepeats", 1, COUNT, "largest repeat count N"),
        Param.real("repeatScale", 10.0, Range.greaterThan(0), "the repeat count is presented as N / repeatScale"),
        Param.bool("curriculum", false, "train through the reference's curriculum: stages of one L and one N from"
            + " (minLength, minRepeats) to (maxLength, maxRepeats), N growing while below L, else L"),
        Param.real("passBits", 0.15, Range.greaterThan(0), "with curriculum: a batch whose loss per scored output is"
            + " below this many bits moves training to the next stage"));
  }

  @Override
  public Task create(Config config, BuildContext context) {
    requireOrdered(config, "minLength", "maxLength");
    requireOrdered(config, "minRepeats", "maxRepeats");
    CopyRepeat.Spec spec = new CopyRepeat.Spec(config.integer("bits"), config.integer("minLength"),
        config.integer("maxLength"), config.integer("minRepeats"), config.integer("maxRepeats"),
        config.real("repeatScale"));
    return config.bool("curriculum") ? CopyRepeat.withCurriculum(spec, config.real("passBits")) : new CopyRepeat(spec);
  }

  private static void requireOrdered(Config config, String min, String max) {
    if (config.integer(min) > config.integer(max)) {
      throw new ConfigException(max, "must be at least " + min + " = " + config.integer(min) + " (got "
          + config.integer(max) + ")");
    }
  }
}
