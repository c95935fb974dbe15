package org.ccsim.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Config;
import org.ccsim.api.Optimiser;
import org.ccsim.api.Snapshot;
import org.ccsim.core.results.SnapshotStore;
import org.ccsim.api.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link org.ccsim.api.OptimiserType}: two optimisers built from equal seeds take
 * equal steps on equal parameters and gradients, a rebuilt one (a reset) repeats them, the
 * parameters move and stay finite, and one restored from another's {@link Snapshot} steps as that
 * one does.
 */
public abstract class OptimiserContract extends ComponentContract<Optimiser> {

  @Test
  void equalSeedsStepIdenticallyAndParametersMoveAndStayFinite() {
    for (Config config : configs()) {
      List<Tensor> first = descend(create(config, 2));
      assertEquals(first, descend(create(config, 2)), config + ": equal seeds, equal steps");
      assertNotEquals(start(), first, config + ": the parameters move");
      first.forEach(t -> TaskContract.assertFinite(t.data(), t.name()));
    }
  }

  @Test
  void aRestoredOptimiserStepsExactlyAsTheSavedOne() {
    for (Config config : configs()) {
      List<List<Tensor>> gradients = gradients(5);
      Optimiser saved = create(config, 2);
      List<Tensor> params = start();
      steps(saved, params, gradients.subList(0, 2));
      Snapshot snapshot = new SnapshotStore();
      saved.saveState(snapshot);
      List<Tensor> copy = params.stream().map(Tensor::copy).toList();
      steps(saved, params, gradients.subList(2, 5));
      Optimiser restored = create(config, 2);
      restored.restoreState(snapshot);
      steps(restored, copy, gradients.subList(2, 5));
      assertEquals(params, copy, config + ": restored from a snapshot after 2 steps, the next 3 steps are identical");
    }
  }

  /** Five steps from {@link #start()}. */
  private static List<Tensor> descend(Optimiser optimiser) {
    List<Tensor> params = start();
    steps(optimiser, params, gradients(5));
    return params;
  }

  /** One step per gradient, each on a copy (an optimiser may overwrite the gradient it is given). */
  private static void steps(Optimiser optimiser, List<Tensor> params, List<List<Tensor>> gradients) {
    for (List<Tensor> gradient : gradients) {
      optimiser.step(params, gradient.stream().map(Tensor::copy).toList());
    }
  }

  /** Gradients shaped like {@link #start()}, drawn from a fixed stream. */
  private static List<List<Tensor>> gradients(int steps) {
    RandomGenerator random = TestBuildContext.random(21);
    List<List<Tensor>> gradients = new ArrayList<>();
    for (int s = 0; s < steps; s++) {
      gradients.add(start().stream().map(t -> new Tensor(t.name(), t.group(), t.rows(), t.cols(),
          NetworkContract.gaussian(t.data().length, random))).toList());
    }
    return gradients;
  }

  private static List<Tensor> start() {
    RandomGenerator random = TestBuildContext.random(20);
    return List.of(new Tensor("W", "g", 3, 2, NetworkContract.gaussian(6, random)),
        new Tensor("b", "g", 3, 1, NetworkContract.gaussian(3, random)));
  }
}
