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
 * Delayed visual feedback (after Streng, Popa &amp; Ebner 2018): the cursor seen at step t shows the
 * hand of step {@code t - d}, and the error is the cursor's distance to the target of step t. The
 * episode loss {@code sum_t l(y*_t, y_{t-d}) = sum_s l(y*_{s+d}, y_s)}, so the hand of step s is
 * scored against the target of step {@code s + d} (it must lead the target by d steps), the last d
 * hand positions are never seen, and cursor steps before the movement (t &lt;= d) carry no error.
 *
 * <p>What this changes is what the network must learn, not when an online rule receives the error:
 * the error about {@code y_s} is available at step s.
 */
@Extension
public final class FeedbackDelayType implements PerturbationType {

  @Override
  public String id() {
    return "feedback-delay";
  }

  @Override
  public String description() {
    return "delayed visual feedback: the cursor shows the output `steps` steps late; each output is scored against the target that many steps later";
  }

  @Override
  public List<Param> parameters() {
    return List.of(Param.integer("steps", 2, Range.between(0, 100_000), "d, the delay in steps"));
  }

  @Override
  public Perturbation create(Config config, BuildContext context) {
    int delay = config.integer("steps");
    return task -> new PerturbedTask(task, (episode, random) -> {
      int[] source = new int[episode.length()];
      for (int s = 0; s < source.length; s++) {
        source[s] = s + delay < source.length ? s + delay : -1;
      }
      return new RescoredEpisode(episode, source);
    });
  }
}
