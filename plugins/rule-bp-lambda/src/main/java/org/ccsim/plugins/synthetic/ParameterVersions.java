package org.ccsim.plugins.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;
import org.ccsim.api.TrainingContext;

/**
 * The values that a parameter set which a rule updates during a batch had as each step of the batch
 * began. The diagnostics' passes after the batch (ALGORITHMS §5: "with the same parameters") read
 * these, not the live set, which by then holds the batch's last values.
 *
 * <p>Copies cost memory and time, so values are kept only for the steps of a batch in which a
 * diagnostic that reads them is recorded ({@link #neededBy}); otherwise {@link #at} is the live set.
 * A tensor equal to the one kept for an earlier step of the batch is shared, not copied again: fixed
 * weights are copied once per batch, and nothing is copied inside a DNI window.
 */
public final class ParameterVersions {

  private final ParameterSet live;
  private final List<String> readers;
  private final ParameterSet[] atStep;
  private ParameterSet latest;

  /**
   * @param live the parameters the rule updates in place
   * @param length the steps of a batch
   * @param readers the metrics whose computation reads these values
   */
  ParameterVersions(ParameterSet live, int length, List<String> readers) {
    this.live = live;
    this.readers = readers;
    this.atStep = new ParameterSet[length];
  }

  ParameterSet live() {
    return live;
  }

  /** Whether the scenario records a metric that reads these values. */
  boolean neededBy(TrainingContext context) {
    return Diagnostics.recordsAny(context, readers);
  }

  /** Keeps the live values as those step t begins with. */
  void keep(int t) {
    List<Tensor> values = new ArrayList<>();
    for (Tensor tensor : live.tensors()) {
      Tensor kept = latest == null ? null : latest.get(tensor.name());
      values.add(tensor.equals(kept) ? kept : tensor.copy());
    }
    latest = new ParameterSet(values);
    atStep[t] = latest;
  }

  /** The values step t began with: those kept, or the live set when none were. */
  ParameterSet at(int t) {
    ParameterSet kept = atStep[t];
    return kept == null ? live : kept;
  }

  /** Forgets what was kept, for the next batch. */
  void clear() {
    Arrays.fill(atStep, null);
    latest = null;
  }
}
