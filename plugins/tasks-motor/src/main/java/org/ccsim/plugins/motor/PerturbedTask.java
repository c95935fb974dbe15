package org.ccsim.plugins.motor;

import java.util.List;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.ccsim.api.Curriculum;
import org.ccsim.api.Episode;
import org.ccsim.api.Probe;
import org.ccsim.api.Task;

/**
 * A task whose sampled episodes pass through a perturbation, the shape every perturbation of this
 * plugin shares (a wrapper, after Gymnasium's). Sizes are the base task's. Probes are the base task's
 * too: no perturbation here changes the inputs, and a probe's path stays the unperturbed target the
 * hand paths are drawn against.
 *
 * @param base the task perturbed
 * @param perturb turns a base episode into the perturbed one; it may draw from the sample stream
 *     (after the base episode has drawn its own numbers)
 */
record PerturbedTask(Task base, BiFunction<Episode, RandomGenerator, Episode> perturb) implements Task {

  @Override
  public int inputSize() {
    return base.inputSize();
  }

  @Override
  public int outputSize() {
    return base.outputSize();
  }

  @Override
  public Episode sample(RandomGenerator random) {
    return perturb.apply(base.sample(random), random);
  }

  @Override
  public List<Probe> probes() {
    return base.probes();
  }

  /** The base task's curriculum with every stage perturbed alike; passing a stage is the base's rule. */
  @Override
  public Curriculum curriculum() {
    Curriculum stages = base.curriculum();
    if (stages.stages() == 1) {
      return Curriculum.single(this);
    }
    return new Curriculum() {
      @Override
      public int stages() {
        return stages.stages();
      }

      @Override
      public Task stage(int stage) {
        return new PerturbedTask(stages.stage(stage), perturb);
      }

      @Override
      public boolean passes(int stage, double meanLoss) {
        return stages.passes(stage, meanLoss);
      }
    };
  }
}
