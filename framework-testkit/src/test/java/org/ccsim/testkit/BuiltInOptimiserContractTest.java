package org.ccsim.testkit;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Optimiser;
import org.ccsim.core.optim.Adam;
import org.ccsim.core.optim.ClipNorm;
import org.ccsim.core.optim.Sgd;
import org.junit.jupiter.api.Nested;

/** The host's built-in optimisers against the contract kit (here, since the kit builds on the host). */
class BuiltInOptimiserContractTest {

  @Nested
  class SgdContract extends OptimiserContract {
    @Override
    protected ComponentType<Optimiser> type() {
      return new Sgd.Type();
    }
  }

  @Nested
  class AdamContract extends OptimiserContract {
    @Override
    protected ComponentType<Optimiser> type() {
      return new Adam.Type();
    }

    @Override
    protected List<Config> configs() {
      return List.of(TestConfigs.of(type()), TestConfigs.of(type(), "beta1", 0.5, "eps", 1e-6));
    }
  }

  @Nested
  class ClipNormContract extends OptimiserContract {
    @Override
    protected ComponentType<Optimiser> type() {
      return new ClipNorm.Type();
    }

    @Override
    protected List<Config> configs() {
      Sgd.Type sgd = new Sgd.Type();
      return List.of(TestConfigs.of(type(), "maxNorm", 0.5), TestConfigs.of(type(), "optimiser", TestConfigs.of(sgd)));
    }
  }

  @Nested
  class ClipTensorNormContract extends OptimiserContract {
    @Override
    protected ComponentType<Optimiser> type() {
      return new ClipNorm.PerTensorType();
    }

    @Override
    protected List<Config> configs() {
      return List.of(TestConfigs.of(type(), "maxNorm", 0.5), TestConfigs.of(type(), "optimiser", TestConfigs.of(new Sgd.Type())));
    }
  }
}
