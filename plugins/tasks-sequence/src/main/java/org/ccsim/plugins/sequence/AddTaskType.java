package org.ccsim.plugins.sequence;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Param;
import org.ccsim.api.Range;
import org.ccsim.api.Task;
import org.ccsim.api.TaskType;
import org.pf4j.Extension;

/**
 * The component {@code add}, see {@link AddTask}, with lags 5 and 9 by default. The authors' code
 * ({@code omarschall/vanilla-rtrl}, {@code gen_data/Add_Task.py}) sets no default (its tests use
 * 6 and 10, and 4 and 6); it also differs in form: one long stream (lagged by {@code np.roll}) with
 * two channels each way ({@code x, 1 - x} and {@code y, 1 - y}), optionally Bernoulli labels drawn
 * from {@code y}. Here: episodes, one channel each way, the exact {@code y} as target.
 */
@Extension
public final class AddTaskType implements TaskType {

  @Override
  public String id() {
    return "add";
  }

  @Override
  public String description() {
    return "add task (Marschall et al. 2020): Bernoulli bits x_t, target 0.5 + 0.5 x_{t-t1} - 0.25 x_{t-t2},"
        + " squared error from step t2 on; loss landmarks 0.0390625 (no lag), 0.0078125 (t1 only), 0 (both)";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.integer("length", 50, Range.between(2, 1_000_000), "T, steps per episode"),
        Param.integer("firstLag", 5, Range.between(1, 1_000_000), "t1, the lag of the term 0.5 x_{t-t1}"),
        Param.integer("secondLag", 9, Range.between(1, 1_000_000), "t2, the lag of the term -0.25 x_{t-t2}"));
  }

  @Override
  public Task create(Config config, BuildContext context) {
    int length = config.integer("length");
    int firstLag = config.integer("firstLag");
    int secondLag = config.integer("secondLag");
    if (secondLag <= firstLag) {
      throw new ConfigException("secondLag", "must be greater than firstLag = " + firstLag + " (got " + secondLag + ")");
    }
    if (secondLag >= length) {
      throw new ConfigException("secondLag", "must be below length = " + length + ", so that a step is scored (got "
          + secondLag + ")");
    }
    return new AddTask(length, firstLag, secondLag);
  }
}
