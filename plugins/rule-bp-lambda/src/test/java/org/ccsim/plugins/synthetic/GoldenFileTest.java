package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import org.junit.jupiter.api.Test;

/**
 * How {@link GoldenFile} reads the keys that choose the cortex: {@code config.non_lin}
 * ({@code golden/README.md}, absent = identity) and {@code config.network} ({@code docs/golden.md},
 * absent = the RNN), and the state size that follows.
 */
class GoldenFileTest {

  private static GoldenFile named(String name) {
    return GoldenFile.all().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aFileWithoutTheKeysIsTheReferencesIdentityRnn() {
    GoldenFile file = named("golden_alpha_sgd_lam0.5.json");
    assertEquals(GoldenFile.IDENTITY, file.nonlinearity());
    assertEquals(GoldenFile.RNN, file.network());
    assertEquals(file.hidden(), file.state());
  }

  @Test
  void nonLinChoosesTheNonlinearity() {
    assertEquals(GoldenFile.TANH, named("golden_tanh_accum_adam_lam0_B2.json").nonlinearity());
    assertEquals(GoldenFile.IDENTITY, named("golden_identity_alpha_sgd_lam1_gam1_O3.json").nonlinearity());
  }

  @Test
  void anLstmFileHasAStateOfTwiceItsUnits() {
    GoldenFile lstm = named("golden_alpha_sgd_lam0.5.json").withConfig("network", GoldenFile.LSTM);
    assertTrue(lstm.lstm());
    assertEquals(2 * lstm.hidden(), lstm.state());
  }

  @Test
  void unknownValuesAreRejectedWithTheKey() {
    GoldenFile file = named("golden_alpha_sgd_lam0.5.json");
    String network = assertThrows(IllegalArgumentException.class, () -> file.withConfig("network", "gru").state())
        .getMessage();
    assertTrue(network.contains("config.network must be one of [rnn, lstm] (got \"gru\")"), network);
    String nonLin = assertThrows(IllegalArgumentException.class, () -> file.withConfig("non_lin", "relu").nonlinearity())
        .getMessage();
    assertTrue(nonLin.contains("config.non_lin must be one of [tanh, identity] (got \"relu\")"), nonLin);
  }
}
