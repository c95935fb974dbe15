package org.ccsim.plugins.bptt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Episode;
import org.ccsim.api.Network;
import org.ccsim.api.Param;
import org.ccsim.api.Task;
import org.ccsim.plugins.rnn.TanhRnnType;

/** Builds the bundled {@code tanh-rnn} through its public component type, as the host would. */
final class TestNetworks {

  private TestNetworks() {
  }

  static Network tanhRnn(int inputs, int hidden, int outputs, String nonlinearity) {
    TanhRnnType type = new TanhRnnType();
    Map<String, Object> values = new LinkedHashMap<>();
    for (Param p : type.parameters()) {
      if (p.defaultValue() != null) {
        values.put(p.name(), p.defaultValue());
      }
    }
    values.put("hidden", (long) hidden);
    values.put("nonlinearity", nonlinearity);
    values.put("recurrentGain", 1.3);
    Task task = new Task() {
      @Override
      public int inputSize() {
        return inputs;
      }

      @Override
      public int outputSize() {
        return outputs;
      }

      @Override
      public int steps() {
        return 1;
      }

      @Override
      public Episode sample(RandomGenerator random) {
        throw new UnsupportedOperationException();
      }
    };
    return type.create(new Config(type.id(), values), new BuildContext() {
      @Override
      public RandomGenerator random(String purpose) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Task task() {
        return task;
      }

      @Override
      public Network network() {
        throw new UnsupportedOperationException();
      }

      @Override
      public <T> T create(Class<T> kind, Config config) {
        throw new UnsupportedOperationException();
      }
    });
  }
}
