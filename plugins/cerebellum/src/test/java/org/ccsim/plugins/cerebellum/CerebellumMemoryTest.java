package org.ccsim.plugins.cerebellum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.ccsim.api.ConfigException;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the cerebellum declares per training unit: its weights (trained or fixed) and its wiring. */
class CerebellumMemoryTest {

  @ParameterizedTest(name = "plasticity {0}")
  @CsvSource({
      // 10 granule cells: W_mg 10 x 5 + b_g 10 = 60 values, W_pc 5 x 10 + b_pc 5 = 55; wiring 10 x (2 ints + header)
      "purkinje, 1840",   // 55 + 60 values x 2 doubles (value, gradient); the host adds the optimiser's state
      "all, 1840"})       // 115 x 2 doubles
  void declaresWeightsByWhetherTheyLearnAndTheWiring(String plasticity, double parameterBytes) {
    TestBuildContext context = new TestBuildContext(1, null, network(5));
    CerebellumType type = new CerebellumType();
    Synthesiser cerebellum = type.create(
        TestConfigs.of(type, "expansion", 2, "fanIn", 2, "plasticity", plasticity), context);
    assertEquals(parameterBytes + 10 * (2 * 4 + 16), context.reservedBytes());
    ParameterSet theta = cerebellum.initialParameters(TestBuildContext.random(1));
    assertEquals(115, theta.tensors().stream().mapToInt(t -> t.data().length).sum(), "the counts match what it draws");
  }

  @Test
  void aGranuleLayerTooBigForAnArrayIsDeclaredBeforeItIsRefused() {
    TestBuildContext context = new TestBuildContext(1, null, network(1000));
    CerebellumType type = new CerebellumType();
    ConfigException e = assertThrows(ConfigException.class,
        () -> type.create(TestConfigs.of(type, "expansion", 10_000), context));
    assertEquals("expansion", e.parameter());
    // 10^7 cells of fan-in 1000: W_pc 10^10 + b_pc 10^3 trained, W_mg 10^10 + b_g 10^7 fixed
    double parameters = 8 * (2 * (1e10 + 1e3) + 2 * (1e10 + 1e7));
    assertEquals(parameters + 1e7 * (1000 * 4 + 16), context.reservedBytes());
  }

  private static Network network(int n) {
    TanhRnnType rnn = new TanhRnnType();
    return rnn.create(TestConfigs.of(rnn, "hidden", n), new TestBuildContext(1, TestBuildContext.taskOfSize(2, 2), null));
  }
}
