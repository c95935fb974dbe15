package org.ccsim.plugins.sequence;

import java.util.ArrayList;
import java.util.List;
import org.ccsim.api.Curriculum;
import org.ccsim.api.Task;

/**
 * The curriculum of the BP(λ) reference's copy-repeat (neuralml/bp_lambda, {@code scripts/copy-repeat.py},
 * {@code increment_copy_repeat}, and {@code BatchGenerator.increment} in {@code src/dataset/copy_repeat.py}):
 * every stage is one pattern length L and one repeat count N; a training batch whose loss, averaged over
 * its episodes, scored steps and outputs, is below {@code passBits} bits (the reference's 0.15) moves
 * training to the next stage, where N grows by one while it is below L, else L does. From (1, 1) that is
 * (1, 1), (2, 1), (2, 2), (3, 2), (3, 3), ...
 *
 * <p>ccsim bounds the stages by the task's ranges: they start at (minLength, minRepeats) and end at
 * (maxLength, maxRepeats); where one bound is reached first, the other count grows alone. Each stage's
 * episodes have exactly their own length, {@code (N + 1) L + 3}, with no padding.
 *
 * <p>ccsim's {@code loss} of an episode is the cross-entropy in nats summed over its {@code N L + 1}
 * scored steps and {@code bits + 1} outputs, where the reference's {@code BCEWithLogitsLoss} takes the
 * mean, so a batch passes when {@code loss / ((N L + 1)(bits + 1) ln 2) < passBits}.
 */
final class CopyRepeatCurriculum implements Curriculum {

  /** A stage's pattern length L and repeat count N. */
  record Stage(int length, int repeats) {
  }

  private final List<Stage> stages;
  private final List<CopyRepeat> tasks;
  private final int bits;
  private final double passBits;

  CopyRepeatCurriculum(CopyRepeat.Spec spec, double passBits) {
    this.stages = stages(spec.minLength(), spec.maxLength(), spec.minRepeats(), spec.maxRepeats());
    this.tasks = stages.stream().map(s -> new CopyRepeat(new CopyRepeat.Spec(spec.bits(), s.length(), s.length(),
        s.repeats(), s.repeats(), spec.repeatScale()))).toList();
    this.bits = spec.bits();
    this.passBits = passBits;
  }

  /** The stages from (minLength, minRepeats) to (maxLength, maxRepeats), in the reference's order. */
  static List<Stage> stages(int minLength, int maxLength, int minRepeats, int maxRepeats) {
    List<Stage> stages = new ArrayList<>();
    int length = minLength;
    int repeats = minRepeats;
    stages.add(new Stage(length, repeats));
    while (length < maxLength || repeats < maxRepeats) {
      boolean repeatsGrow = repeats < maxRepeats && (repeats < length || length == maxLength);
      if (repeatsGrow) {
        repeats++;
      } else {
        length++;
      }
      stages.add(new Stage(length, repeats));
    }
    return List.copyOf(stages);
  }

  /** The pattern length and repeat count of {@code stage}. */
  Stage at(int stage) {
    return stages.get(stage);
  }

  @Override
  public int stages() {
    return stages.size();
  }

  @Override
  public Task stage(int stage) {
    return tasks.get(stage);
  }

  @Override
  public boolean passes(int stage, double meanLoss) {
    Stage s = stages.get(stage);
    double scoredOutputs = ((double) s.length() * s.repeats() + 1) * (bits + 1);
    return meanLoss / (scoredOutputs * Math.log(2)) < passBits;
  }
}
