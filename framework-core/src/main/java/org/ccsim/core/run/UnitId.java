package org.ccsim.core.run;

import java.util.ArrayList;
import java.util.List;
import org.ccsim.core.results.Checkpoint;
import org.ccsim.core.scenario.Scenario;

/** One training unit of a run: a rule the run trains and a replicate, from 1. */
public record UnitId(String rule, int replicate) {

  /** Every unit of {@code scenario}, in the order a run submits them: replicate by replicate, rules in scenario order. */
  public static List<UnitId> all(Scenario scenario) {
    List<UnitId> units = new ArrayList<>();
    for (int replicate = 1; replicate <= scenario.replicates(); replicate++) {
      for (String rule : scenario.trainedRules()) {
        units.add(new UnitId(rule, replicate));
      }
    }
    return units;
  }

  /** The unit's key among checkpoints, {@link Checkpoint#key}. */
  public String key() {
    return Checkpoint.key(rule, replicate);
  }

  @Override
  public String toString() {
    return rule + " replicate " + replicate;
  }
}
