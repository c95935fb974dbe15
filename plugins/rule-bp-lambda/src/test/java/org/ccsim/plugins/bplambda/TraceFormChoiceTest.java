package org.ccsim.plugins.bplambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Network;
import org.ccsim.api.Task;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.ccsim.testkit.TestEpisodes;
import org.junit.jupiter.api.Test;

/** What {@code traceForm: auto} chooses, and the combinations {@code bp-lambda} refuses. */
class TraceFormChoiceTest {

  private static final LinearSynthesiser LINEAR = new LinearSynthesiser(30, Learners.JAVA);
  private static final MlpSynthesiser FULL_MLP = new MlpSynthesiser(30, 7, 2, false, Learners.JAVA);

  @Test
  void autoTakesTheHistoryFormWhereItIsCheaperAllowedAndSmall() {
    // n = 30, P = 930, T = 10: 5.5 x (900 + 930) multiply-adds per step against 900 x 930
    assertEquals(TraceForm.HISTORY, TraceForm.cheapest(LINEAR, new TraceForm.Shape(30, 930, 10, 1)));
    assertEquals(TraceForm.TRACE, TraceForm.cheapest(FULL_MLP, new TraceForm.Shape(30, 930, 10, 1)),
        "an MLP that trains its hidden layers is not linear in its weights");
    assertEquals(TraceForm.TRACE, TraceForm.cheapest(LINEAR, new TraceForm.Shape(128, 16_512, 1000, 1)),
        "1000 steps of 128 x 128 Jacobians exceed the history's memory bound");
    assertEquals(TraceForm.TRACE, TraceForm.cheapest(LINEAR, new TraceForm.Shape(30, 930, 10, 0)),
        "with gamma lambda = 0 the trace is only the synthesiser's Jacobian");
  }

  @Test
  void theHistoryFormNeedsASynthesiserLinearInItsWeights() {
    ConfigException e = assertThrows(ConfigException.class, () -> create("traceForm", "history",
        "synthesiser", TestConfigs.of(new MlpSynthesiserType())));
    assertEquals("traceForm", e.parameter());
    assertTrue(e.getMessage().contains("linear in its trained weights"), e.getMessage());
  }

  @Test
  void aHistoryToleranceWithTheTraceFormIsAnError() {
    ConfigException e = assertThrows(ConfigException.class, () -> create("traceForm", "trace", "historyTolerance", 0.1,
        "synthesiser", TestConfigs.of(new LinearSynthesiserType())));
    assertEquals("historyTolerance", e.parameter());
  }

  private static void create(Object... overrides) {
    Network cortex = SyntheticFixtures.tanhRnn(3, 5, 2);
    Task task = TestBuildContext.task(3, 2, random -> TestEpisodes.masked(1, 6, 3, 2, 2, random).get(0));
    BpLambdaType type = new BpLambdaType();
    type.create(TestConfigs.of(type, overrides),
        new TestBuildContext(1, task, cortex, List.of(new LinearSynthesiserType(), new MlpSynthesiserType())));
  }
}
