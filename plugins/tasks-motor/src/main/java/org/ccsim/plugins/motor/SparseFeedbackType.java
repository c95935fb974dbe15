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
 * Sparse feedback: only every k-th step (t = k, 2k, ... in 1-based steps) keeps its target; the
 * others carry no error. Steps the base task does not score stay unscored.
 */
@Extension
public final class SparseFeedbackType implements PerturbationType {

  @Override
  public String id() {
    return "sparse-feedback";
  }

  @Override
  public String description() {
    return "sparse feedback: targets only on every `every`-th step";
  }

  @Override
  public List<Param> parameters() {
    return List.of(Param.integer("every", 5, Range.between(1, 100_000), "k: steps t = k, 2k, ... keep their target"));
  }

  @Override
  public Perturbation create(Config config, BuildContext context) {
    int every = config.integer("every");
    return task -> new PerturbedTask(task, (episode, random) -> {
      int[] source = new int[episode.length()];
      for (int t = 0; t < source.length; t++) {
        source[t] = (t + 1) % every == 0 ? t : -1;
      }
      return new RescoredEpisode(episode, source);
    });
  }
}
