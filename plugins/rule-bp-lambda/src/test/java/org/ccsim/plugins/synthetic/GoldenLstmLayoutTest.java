package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * The unit-level replay (ALGORITHMS §6.5) of golden files recorded from the reference's LSTM, in the
 * layout {@code docs/golden.md} fixes: {@code config.network = "lstm"}, {@code config.hidden} H units,
 * a state {@code [h; c]} of 2H values, so {@code h} and {@code imm_grad} are B x 2H, {@code J} is
 * B x 2H x 2H and the synthesiser (2H x 2H and 2H) sees the whole state. No such file exists yet.
 *
 * <p>Checked against the reference: every RNN golden file with an even number of units H, relabelled
 * in memory as an LSTM file of H/2 units (its recorded h of H values is then read as {@code [h; c]}),
 * replays through {@link GoldenReplay#recorded} to 1e-9 relative: the reference's own numbers, so the
 * harness's handling of a state of twice the units (the sizes it reads, a synthesiser on the whole
 * state, traces and updates over its weights) is checked for batches of 1, 2 and 3, SGD and Adam.
 * Not checked: whatever a real file from the reference's LSTM records beyond this layout (its
 * {@code imm_grad} would be zero on the c half, which the learner does not rely on), and nothing of
 * ccsim's own {@code lstm}, whose exact Jacobian is not the reference's (ALGORITHMS §7): LSTM files
 * are never rebuilt end to end.
 */
class GoldenLstmLayoutTest {

  /** The RNN files whose state can be read as {@code [h; c]}: an even number of units. */
  static Stream<GoldenFile> evenRnnFiles() {
    return GoldenTrajectoryTest.rnnFiles().filter(f -> f.hidden() % 2 == 0);
  }

  private static GoldenFile asLstm(GoldenFile rnn) {
    return rnn.withConfig("network", GoldenFile.LSTM).withConfig("hidden", rnn.hidden() / 2);
  }

  @ParameterizedTest
  @MethodSource("evenRnnFiles")
  void aStateOfTwiceTheUnitsReplaysAtTheUnitLevel(GoldenFile rnn) {
    GoldenFile lstm = asLstm(rnn);
    assertEquals(rnn.hidden(), lstm.state());
    assertEquals(GoldenReplay.recorded(rnn).clippedUpdates(), GoldenReplay.recorded(lstm).clippedUpdates());
  }

  @ParameterizedTest
  @MethodSource("evenRnnFiles")
  void anLstmFileIsNotRebuiltEndToEnd(GoldenFile rnn) {
    String message = assertThrows(IllegalArgumentException.class, () -> GoldenCortex.of(asLstm(rnn))).getMessage();
    assertTrue(message.contains("unit level only"), message);
  }

  /** An LSTM file that recorded {@code h} alone (H values, not {@code [h; c]}) is refused, naming the sizes. */
  @ParameterizedTest
  @MethodSource("evenRnnFiles")
  void anLstmFileWithoutTheCellStateIsRefused(GoldenFile rnn) {
    GoldenFile onlyH = rnn.withConfig("network", GoldenFile.LSTM);
    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        () -> GoldenTrajectory.recorded(onlyH, onlyH.sequences().get(0)));
    assertTrue(error.getMessage().contains("step 0, state of " + 2 * rnn.hidden() + ": h[0]: number of values"),
        error.getMessage());
  }
}
