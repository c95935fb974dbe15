package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.Optimiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.core.optim.ClipNorm;
import org.ccsim.core.optim.Sgd;
import org.ccsim.plugins.synthesisers.LinearSynthesiser;
import org.ccsim.plugins.synthetic.bplambda.BpLambda;
import org.ccsim.plugins.synthetic.bplambda.TraceForm;
import org.ccsim.testkit.RecordingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.junit.jupiter.api.Test;

/**
 * With updates at every step, BP(lambda)'s own {@code synthClip} (each step's update clipped tensor
 * by tensor, ALGORITHMS §3b, as the reference does also when it sums the updates over an episode) is
 * the host's composable {@code clip-tensor-norm} wrapper around the synthesiser's optimiser, bit for
 * bit.
 */
class SynthClipTest {

  private static final int HIDDEN = 6;
  private static final double MAX_NORM = 0.01;

  private record Trained(ParameterSet theta, RecordingTrainingContext context) {
  }

  private static Trained train(double synthClip, Optimiser optimiser) {
    RandomGenerator random = TestBuildContext.random(31);
    TestCortex cortex = TestCortex.of(3, HIDDEN, 2, "tanh", 31);
    JacobianSynthesiser synthesiser = new LinearSynthesiser(HIDDEN, Learners.JAVA);
    ParameterSet theta = synthesiser.initialParameters(random);
    Numerics.randomise(theta, 0.5, random);
    BpLambda rule = new BpLambda(cortex.network(), synthesiser, theta, Learners.JAVA, WorkSharing.COMMON,
        new BpLambda.Settings(0.9, 1, 1, synthClip, true, TraceForm.TRACE, 0, false));
    RecordingTrainingContext context = RecordingTrainingContext.applying(cortex.params(), 0.05)
        .training(SyntheticFixtures.synthesiserGroup(theta, optimiser));
    for (int batch = 0; batch < 3; batch++) {
      List<Episode> episodes = cortex.episodes(4, 7, random);
      rule.train(episodes, context);
    }
    return new Trained(theta, context);
  }

  @Test
  void perStepSynthClipIsTheClipTensorNormWrapper() {
    Trained own = train(MAX_NORM, new Sgd(0.3));
    Trained wrapped = train(Double.POSITIVE_INFINITY, new ClipNorm(MAX_NORM, true, new Sgd(0.3)));
    Trained unclipped = train(Double.POSITIVE_INFINITY, new Sgd(0.3));

    assertArrayEquals(Numerics.flat(own.theta()), Numerics.flat(wrapped.theta()), 0, "synthesiser weights");
    assertEquals(own.context().gradients("cortex"), wrapped.context().gradients("cortex"), "cortex gradients");
    assertTrue(Numerics.relativeError(Numerics.flat(unclipped.theta()), Numerics.flat(own.theta())) > 1e-3,
        "the clip bites: without it the weights differ");
  }
}
