package org.ccsim.plugins.rnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ccsim.api.ConfigException;
import org.ccsim.api.ParameterSet;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;

/** The memory {@code tanh-rnn} declares for each training unit, before anything is allocated. */
class TanhRnnMemoryTest {

  private final TanhRnnType type = new TanhRnnType();

  @Test
  void declaresItsParametersWithGradientAndOptimiserMoments() {
    TestBuildContext context = new TestBuildContext(1, TestBuildContext.taskOfSize(3, 2), null);
    TanhRnn rnn = (TanhRnn) type.create(TestConfigs.of(type, "hidden", 5), context);
    // W_in 5 x 3, W_rec 5 x 5, b 5, W_out 2 x 5, b_out 2: 57 values, 4 doubles each
    assertEquals(57 * 2 * 8, context.reservedBytes());
    ParameterSet params = rnn.initialParameters(TestBuildContext.random(1));
    assertEquals(57, params.tensors().stream().mapToInt(t -> t.data().length).sum(), "the count matches what it draws");
    assertTrue(context.reservations().keySet().iterator().next().contains("n 5 units"), context.reservations().toString());
  }

  @Test
  void hugeSizesAreDeclaredWithoutOverflowAndTooBigAnArrayIsRefused() {
    TestBuildContext context = new TestBuildContext(1, TestBuildContext.taskOfSize(3, 2), null);
    ConfigException e = assertThrows(ConfigException.class,
        () -> type.create(TestConfigs.of(type, "hidden", 100_000), context));
    assertEquals("hidden", e.parameter());
    assertTrue(e.getMessage().contains("10000000000 values, more than an array holds"), e.getMessage());
    double values = 100_000.0 * 3 + 1e10 + 100_000 + 2 * 100_000 + 2;
    assertEquals(values * 2 * 8, context.reservedBytes(), "declared before the refusal, as a positive count");
  }
}
