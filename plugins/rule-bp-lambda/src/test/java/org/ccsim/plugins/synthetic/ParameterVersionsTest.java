package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;
import org.ccsim.api.TrainingContext;
import org.ccsim.plugins.synthesisers.LinearSynthesiser;
import org.ccsim.testkit.RecordingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.junit.jupiter.api.Test;

/**
 * What a {@link LockstepBatch} copies of the weights: nothing for a batch with fixed weights (update
 * per episode or per batch), nothing unless a diagnostic that reads them is recorded, and otherwise
 * the values of every step, sharing the tensors that did not change.
 */
class ParameterVersionsTest {

  private static final int STEPS = 4;

  private final RandomGenerator random = TestBuildContext.random(90);
  private final TestCortex cortex = TestCortex.of(2, 3, 1, "tanh", 90);
  private final ParameterSet theta = new LinearSynthesiser(3, Learners.JAVA).initialParameters(random);
  private final List<Episode> episodes = cortex.episodes(2, STEPS, random);

  @Test
  void aBatchWithFixedWeightsKeepsNothingEvenWhenEveryDiagnosticIsRecorded() {
    LockstepBatch run = new LockstepBatch(cortex.network(), episodes, cortex.params());
    runChangingWeights(run, new SgdContext(cortex.params(), theta, 0, 0));
    for (int t = 0; t < STEPS; t++) {
      assertSame(cortex.params(), run.ranWith(cortex.params(), t));
      assertSame(theta, run.ranWith(theta, t));
    }
  }

  @Test
  void aBatchWithChangingWeightsKeepsNothingUnlessADiagnosticReadsThem() {
    LockstepBatch run = LockstepBatch.updatedDuring(cortex.network(), episodes, cortex.params(), theta);
    runChangingWeights(run, new RecordingTrainingContext(cortex.params(), Diagnostics.TD_ERROR,
        "update-alignment"));
    for (int t = 0; t < STEPS; t++) {
      assertSame(cortex.params(), run.ranWith(cortex.params(), t));
      assertSame(theta, run.ranWith(theta, t));
    }
  }

  @Test
  void eachReaderKeepsOnlyTheWeightsItReads() {
    LockstepBatch run = LockstepBatch.updatedDuring(cortex.network(), episodes, cortex.params(), theta);
    runChangingWeights(run, new RecordingTrainingContext(cortex.params(), Diagnostics.SG_ALIGNMENT));
    assertNotSame(cortex.params(), run.ranWith(cortex.params(), 0));
    assertSame(theta, run.ranWith(theta, 0));
    run.load(episodes);
    runChangingWeights(run, new RecordingTrainingContext(cortex.params(), Diagnostics.ACTIVE_FRACTION));
    assertSame(cortex.params(), run.ranWith(cortex.params(), 0));
    assertNotSame(theta, run.ranWith(theta, 0));
  }

  @Test
  void keptValuesAreThoseEachStepBeganWithAndUnchangedTensorsAreShared() {
    ParameterSet live = new ParameterSet(List.of(new Tensor("a", "g", 1, 2, new double[] {1, 2}),
        new Tensor("b", "g", 1, 1, new double[] {3})));
    ParameterVersions versions = new ParameterVersions(live, 3, List.of());
    versions.keep(0);
    live.get("a").data()[0] = 5;
    versions.keep(1);
    versions.keep(2);
    live.get("a").data()[1] = 7;

    assertArrayEquals(new double[] {1, 2}, versions.at(0).get("a").data());
    assertArrayEquals(new double[] {5, 2}, versions.at(1).get("a").data());
    assertSame(versions.at(0).get("b"), versions.at(1).get("b"), "b did not change: shared");
    assertSame(versions.at(1).get("a"), versions.at(2).get("a"), "nothing changed between steps 1 and 2");
    assertNotSame(live.get("b"), versions.at(0).get("b"), "a copy, not the live tensor");
    versions.clear();
    assertSame(live, versions.at(1));
  }

  /** Runs the batch, moving every weight of the cortex and of theta after each step. */
  private void runChangingWeights(LockstepBatch run, TrainingContext context) {
    ParameterSet grad = cortex.params().zerosLike();
    for (int t = 0; t < STEPS; t++) {
      run.forward(t, cortex.params(), context, grad);
      for (ParameterSet weights : List.of(cortex.params(), theta)) {
        for (Tensor tensor : weights.tensors()) {
          tensor.data()[0] += 0.1;
        }
      }
    }
  }
}
