package org.ccsim.plugins.motor;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Perturbation;
import org.ccsim.api.Task;
import org.ccsim.testkit.PerturbationContract;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Nested;

/**
 * The perturbations other than {@code rotation} ({@link RotationContractTest}) pass the perturbation
 * contract on line drawing.
 */
class PerturbationContractsTest {

  /** One perturbation type with the values it is checked with. */
  abstract static class OnLineDrawing extends PerturbationContract {

    @Override
    protected Task task() {
      LineDrawingType lines = new LineDrawingType();
      return lines.create(TestConfigs.of(lines), new TestBuildContext(1));
    }
  }

  @Nested
  class Gain extends OnLineDrawing {
    @Override
    protected ComponentType<Perturbation> type() {
      return new GainType();
    }

    @Override
    protected List<Config> configs() {
      return List.of(TestConfigs.of(type(), "factor", 1.5), TestConfigs.of(type(), "factor", -0.5));
    }
  }

  @Nested
  class MotorNoise extends OnLineDrawing {
    @Override
    protected ComponentType<Perturbation> type() {
      return new MotorNoiseType();
    }

    @Override
    protected List<Config> configs() {
      return List.of(TestConfigs.of(type(), "sd", 0.3));
    }
  }

  @Nested
  class TargetJump extends OnLineDrawing {
    @Override
    protected ComponentType<Perturbation> type() {
      return new TargetJumpType();
    }

    @Override
    protected List<Config> configs() {
      return List.of(TestConfigs.of(type(), "degrees", 30.0, "atStep", 4));
    }
  }

  @Nested
  class SparseFeedback extends OnLineDrawing {
    @Override
    protected ComponentType<Perturbation> type() {
      return new SparseFeedbackType();
    }

    @Override
    protected List<Config> configs() {
      return List.of(TestConfigs.of(type(), "every", 3));
    }
  }

  @Nested
  class FeedbackDelay extends OnLineDrawing {
    @Override
    protected ComponentType<Perturbation> type() {
      return new FeedbackDelayType();
    }

    @Override
    protected List<Config> configs() {
      return List.of(TestConfigs.of(type(), "steps", 2));
    }
  }
}
