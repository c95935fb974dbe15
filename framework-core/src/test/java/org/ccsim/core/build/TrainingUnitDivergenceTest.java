package org.ccsim.core.build;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.ccsim.api.DivergenceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The host checks every quantity a rule hands it, whatever the rule: an output or a loss at the step it
 * is reported, a gradient before the optimiser step and the weights after it, charged to the step of
 * the rule's last output.
 */
class TrainingUnitDivergenceTest {

  private static final String ONE_PHASE = "\"phases\": [{\"name\": \"a\", \"epochs\": 1}]";

  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"output, output y", "loss, loss", "gradient, gradient cortex/w", "weight, weight cortex/w"})
  void eachQuantityIsCaughtAtItsStep(String fault, String quantity) throws IOException {
    BuiltScenario built = FaultyScenario.build(dir, """
        {"r": {"type": "faulty-rule", "fault": "%s", "atBatch": 2, "atStep": 2}}""".formatted(fault),
        ONE_PHASE);
    TrainingUnit unit = built.newUnit("r", 1);
    assertDoesNotThrow(() -> unit.trainBatch(built.task(0), 2), "the first batch is finite");
    DivergenceException e = assertThrows(DivergenceException.class, () -> unit.trainBatch(built.task(0), 2));
    assertEquals(quantity, e.quantity());
    assertEquals(2, e.step());
  }

  @Test
  void aRuleWithoutFaultTrainsOn() throws IOException {
    BuiltScenario built = FaultyScenario.build(dir, """
        {"r": {"type": "faulty-rule"}}""", ONE_PHASE);
    TrainingUnit unit = built.newUnit("r", 1);
    for (int batch = 0; batch < 5; batch++) {
      unit.trainBatch(built.task(0), 2);
    }
    assertEquals(1.0 * 4, unit.takeMeans().get("loss"), "loss 1 per step, 4 steps per episode");
  }
}
