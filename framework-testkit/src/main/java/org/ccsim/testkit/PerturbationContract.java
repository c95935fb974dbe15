package org.ccsim.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ccsim.api.Config;
import org.ccsim.api.Perturbation;
import org.ccsim.api.Task;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link org.ccsim.api.PerturbationType}: perturbations built from equal seeds
 * perturb {@link #task()} into tasks with equal episodes, the task keeps its sizes, and its episodes
 * are finite and shaped.
 */
public abstract class PerturbationContract extends ComponentContract<Perturbation> {

  /** The task to perturb. */
  @Override
  protected abstract Task task();

  @Test
  void perturbedTasksOfEqualSeedsAgreeAndAreWellFormed() {
    for (Config config : configs()) {
      Task perturbed = create(config, 3).apply(task());
      assertEquals(task().inputSize(), perturbed.inputSize(), "input size");
      assertEquals(task().outputSize(), perturbed.outputSize(), "output size");
      TaskContract.assertSameEpisodes(perturbed, create(config, 3).apply(task()));
      TaskContract.assertWellFormed(perturbed);
    }
  }
}
