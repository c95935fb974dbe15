package org.ccsim.plugins.synthetic;

import static org.ccsim.plugins.synthetic.GoldenFile.synthWeights;
import static org.ccsim.plugins.synthetic.GoldenTolerance.close;
import static org.ccsim.plugins.synthetic.Numerics.flat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ccsim.api.Episode;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Step;
import org.ccsim.core.build.TrainedGroups;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.plugins.synthesisers.LinearSynthesiser;
import org.ccsim.plugins.synthetic.bplambda.BpLambda;
import org.ccsim.plugins.synthetic.bplambda.BpLambdaLearner;
import org.ccsim.plugins.synthetic.bplambda.TraceForm;
import org.ccsim.testkit.RecordingTrainingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * ALGORITHMS §6.5: every golden trajectory of the reference implementation in {@code golden/}
 * ({@code golden/README.md}) is reproduced step by step, for every example of every batch, to 1e-9
 * relative: at the unit level (recorded h, imm_grad, J fed to {@link BpLambdaLearner}; also files
 * of the reference's LSTM, {@code docs/golden.md}), end to end (states, Jacobians and immediate
 * gradients from a {@code tanh-rnn} with the file's nonlinearity) and through the {@code bp-lambda}
 * rule itself. The reference clips every per-tensor update to norm 1; only in the {@code _clip}
 * files does the clipping trigger, and the recorded {@code clipped} flags are checked against
 * {@code ||raw update|| > 1}.
 */
class GoldenTrajectoryTest {

  static List<GoldenFile> files() {
    return GoldenFile.all();
  }

  /** The files recorded from the reference's RNN, which ccsim's {@code tanh-rnn} rebuilds. */
  static Stream<GoldenFile> rnnFiles() {
    return files().stream().filter(f -> !f.lstm());
  }

  static Stream<GoldenFile> tanhFiles() {
    return rnnFiles().filter(f -> f.nonlinearity().equals(GoldenFile.TANH));
  }

  @Test
  void everyGoldenFileIsFound() {
    assertEquals(List.of("golden_accum_adam_lam0.5_B2.json", "golden_alpha_sgd_lam0.5.json",
        "golden_alpha_sgd_lam0.5_clip.json", "golden_identity_alpha_sgd_lam1_gam1_O3.json",
        "golden_tanh_accum_adam_lam0_B2.json", "golden_tanh_alpha_sgd_lam0.5_gam0.95_s0.5_clip.json",
        "golden_tanh_alpha_sgd_lam0.9_gam0.9_B3.json"), files().stream().map(GoldenFile::name).toList());
  }

  @ParameterizedTest
  @MethodSource("files")
  void unitLevelReplayMatchesEveryStep(GoldenFile file) {
    GoldenReplay.Result replay = GoldenReplay.recorded(file);
    if (file.name().contains("clip")) {
      assertTrue(replay.clippedUpdates() > 0, "the _clip file exercises clipping");
    } else {
      assertEquals(0, replay.clippedUpdates(), "no clipping triggers in " + file);
    }
  }

  @ParameterizedTest
  @MethodSource("rnnFiles")
  void endToEndFromTheNetworkMatchesEveryStep(GoldenFile file) {
    endToEnd(GoldenCortex.of(file));
  }

  /** The README's warning, as a check that the harness reads the nonlinearity: tanh replayed as identity fails. */
  @ParameterizedTest
  @MethodSource("tanhFiles")
  void aTanhFileReplayedWithTheIdentityFails(GoldenFile file) {
    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        () -> endToEnd(GoldenCortex.of(file, GoldenFile.IDENTITY)));
    assertTrue(error.getMessage().contains("sequence 0 step 0: h[0]"), error.getMessage());
  }

  /**
   * The rule {@code bp-lambda} itself on the golden sequences (cortex frozen, as in the reference):
   * SGD files with {@code update=step} and {@code sgd(alpha)}, the Adam files with
   * {@code update=episode} and one Adam step per batch. The episodes give
   * {@code dl/dy = (y - target) / B} as the reference does, so the rule's own division of the cortex
   * gradient by B shows as a factor B.
   */
  @ParameterizedTest
  @MethodSource("rnnFiles")
  void bpLambdaRuleReproducesTheSynthesiserWeightsAndCortexGradients(GoldenFile file) {
    GoldenCortex cortex = GoldenCortex.of(file);
    ParameterSet theta = file.initialTheta();
    TrainedGroups synthesiserGroup = SyntheticFixtures.synthesiserGroup(theta, GoldenReplay.optimiser(file));
    BpLambda rule = new BpLambda(cortex.network(), new LinearSynthesiser(file.state(), Learners.JAVA), theta,
        Learners.JAVA, WorkSharing.COMMON, new BpLambda.Settings(file.lambda(), file.gamma(), file.sgWeight(),
            GoldenReplay.MAX_UPDATE_NORM, file.sgdEveryStep(), TraceForm.TRACE, 0, false));
    for (JsonNode seq : file.sequences()) {
      List<Episode> batch = new ArrayList<>();
      for (int b = 0; b < file.batch(); b++) {
        batch.add(new GoldenEpisode(file, seq, b));
      }
      RecordingTrainingContext context = new RecordingTrainingContext(cortex.params()).training(synthesiserGroup);
      rule.train(batch, context);
      String at = "sequence " + seq.get("seq");
      close(synthWeights(seq.get("synth_weights_end_of_seq")), flat(theta), file + " " + at + " synth_weights_end_of_seq");
      cortex.compareGradient(seq, context.total(), file.batch(), at);
    }
  }

  /**
   * The end-to-end replay: each sequence run through the cortex ({@link GoldenCortex#run}), the
   * synthesiser replayed on the live trajectory, then the cortex gradient from the learning signals
   * compared with {@code rnn_grads_end_of_seq}.
   */
  private static void endToEnd(GoldenCortex cortex) {
    GoldenFile file = cortex.file();
    List<Step[][]> runs = new ArrayList<>();
    GoldenReplay.Result replay = GoldenReplay.run(file, seq -> {
      Step[][] steps = cortex.run(seq);
      runs.add(steps);
      return cortex.live(seq, steps);
    });
    List<JsonNode> sequences = file.sequences();
    for (int s = 0; s < sequences.size(); s++) {
      JsonNode seq = sequences.get(s);
      ParameterSet grad = cortex.gradient(seq, runs.get(s), replay.predictions().get(s));
      cortex.compareGradient(seq, grad, 1.0, "sequence " + seq.get("seq"));
    }
  }
}
