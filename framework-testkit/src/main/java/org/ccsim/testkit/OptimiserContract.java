package org.ccsim.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Config;
import org.ccsim.api.Optimiser;
import org.ccsim.api.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link org.ccsim.api.OptimiserType}: two optimisers built from equal seeds take
 * equal steps on equal parameters and gradients, a rebuilt one (a reset) repeats them, the
 * parameters move and stay finite.
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

  /** Five steps from {@link #start()} with gradients drawn from a fixed stream. */
  private static List<Tensor> descend(Optimiser optimiser) {
    List<Tensor> params = start();
    RandomGenerator random = TestBuildContext.random(21);
    for (int s = 0; s < 5; s++) {
      List<Tensor> grads = params.stream().map(t -> new Tensor(t.name(), t.group(), t.rows(), t.cols(),
          NetworkContract.gaussian(t.data().length, random))).toList();
      optimiser.step(params, grads);
    }
    return params;
  }

  private static List<Tensor> start() {
    RandomGenerator random = TestBuildContext.random(20);
    return List.of(new Tensor("W", "g", 3, 2, NetworkContract.gaussian(6, random)),
        new Tensor("b", "g", 3, 1, NetworkContract.gaussian(3, random)));
  }
}
