package org.ccsim.plugins.synthetic;

import java.util.Map;
import org.ccsim.api.Snapshot;
import org.ccsim.api.Stateful;

/**
 * The lesions of ALGORITHMS §4, as a synthetic-gradient rule's use of its synthesiser (any
 * synthesiser, the cerebellum included), switched by a scenario's events between batches:
 * <ul>
 *   <li>{@code ablate-synthesiser} (cerebellar ablation): the synthesiser is cut off; it neither
 *       sends a prediction (the synthetic gradient reaching the cortex is zero, so the cortex falls
 *       back to its truncated learning) nor learns;</li>
 *   <li>{@code ablate-olive} (inferior-olive ablation): the synthesiser's weights freeze, while its
 *       prediction keeps reaching the cortex;</li>
 *   <li>{@code restore}: undoes both, the synthesiser resuming with the weights it had.</li>
 * </ul>
 */
public final class Lesions implements Stateful {

  static final String ABLATE_SYNTHESISER = "ablate-synthesiser";
  static final String ABLATE_OLIVE = "ablate-olive";
  static final String RESTORE = "restore";

  /** The actions, as {@link org.ccsim.api.LearningRuleType#actions()} declares them. */
  public static final Map<String, String> ACTIONS = Map.of(
      ABLATE_SYNTHESISER, "cerebellar ablation: from now on g = 0 reaches the cortex (truncated learning) and the"
          + " synthesiser does not learn",
      ABLATE_OLIVE, "inferior-olive ablation: the synthesiser's weights freeze, its prediction g still reaches the cortex",
      RESTORE, "undoes both ablations; the synthesiser resumes with the weights it had");

  private boolean synthesiserAblated;
  private boolean oliveAblated;

  /** Carries out one of {@link #ACTIONS}. */
  void act(String action) {
    switch (action) {
      case ABLATE_SYNTHESISER -> synthesiserAblated = true;
      case ABLATE_OLIVE -> oliveAblated = true;
      case RESTORE -> {
        synthesiserAblated = false;
        oliveAblated = false;
      }
      default -> throw new UnsupportedOperationException("no action '" + action + "' for a synthetic-gradient rule;"
          + " known: " + ACTIONS.keySet());
    }
  }

  @Override
  public void saveState(Snapshot into) {
    into.putLongs("ablated", synthesiserAblated ? 1 : 0, oliveAblated ? 1 : 0);
  }

  @Override
  public void restoreState(Snapshot from) {
    long[] ablated = from.longs("ablated");
    synthesiserAblated = ablated[0] == 1;
    oliveAblated = ablated[1] == 1;
  }

  /** Whether the synthesiser takes part at all: predicts, and sends its prediction to the cortex. */
  boolean present() {
    return !synthesiserAblated;
  }

  /** Whether the synthesiser's weights learn. */
  boolean learns() {
    return !synthesiserAblated && !oliveAblated;
  }
}
