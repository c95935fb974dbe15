package org.ccsim.testkit;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Optimiser;
import org.ccsim.core.optim.AdamType;
import org.ccsim.core.optim.ClipNormType;
import org.ccsim.core.optim.SgdType;
import org.junit.jupiter.api.Nested;

/** The host's built-in optimisers against the contract kit (here, since the kit builds on the host). */
class BuiltInOptimiserContractTest {

  @Nested
  class SgdContract extends OptimiserContract {
    @Override
    protected ComponentType<Optimiser> type() {
      return new SgdType();
    }
  }

  @Nested
  class AdamContract extends OptimiserContract {
    @Override
    protected ComponentType<Optimiser> type() {
      return new AdamType();
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
      return new ClipNormType(false);
    }

    @Override
    protected List<Config> configs() {
      SgdType sgd = new SgdType();
      return List.of(TestConfigs.of(type(), "maxNorm", 0.5), TestConfigs.of(type(), "optimiser", TestConfigs.of(sgd)));
    }
  }

  @Nested
  class ClipTensorNormContract extends OptimiserContract {
    @Override
    protected ComponentType<Optimiser> type() {
      return new ClipNormType(true);
    }

    @Override
    protected List<Config> configs() {
      return List.of(TestConfigs.of(type(), "maxNorm", 0.5), TestConfigs.of(type(), "optimiser", TestConfigs.of(new SgdType())));
    }
  }
}
