package org.ccsim.plugins.synthetic;

import static org.ccsim.plugins.synthetic.Numerics.flat;
import static org.ccsim.plugins.synthetic.Numerics.relativeError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.ccsim.api.Episode;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.Optimiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.plugins.synthetic.bplambda.BpLambda;
import org.ccsim.plugins.synthetic.bplambda.BpLambdaLearner;
import org.ccsim.plugins.synthetic.bplambda.TraceForm;
import org.ccsim.plugins.synthetic.lambdasg.LambdaSg;
import org.ccsim.testkit.RecordingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ALGORITHMS §6.2: for a frozen synthesiser and no clipping, the online (backward-view) updates of
 * accumulate BP(lambda) summed over an episode equal the offline forward view,
 * {@code sum_t delta_t e_t == sum_t (G^lambda_t - g_t) dg_t/dtheta}, and the rules {@code bp-lambda}
 * (update = episode) and {@code lambda-sg} therefore hand over the same gradients; on a tanh, an
 * identity and an LSTM cortex.
 */
class ForwardBackwardEquivalenceTest {

  static final double TOLERANCE = 1e-10;
  static final int INPUTS = 3;
  /** The state: 6 tanh or identity units, or an LSTM of 3. */
  static final int HIDDEN = 6;
  static final int OUTPUTS = 2;
  static final int STEPS = 9;
  static final int BATCH = 3;

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    SynthesiserCase.all().forEach(synthesiser -> {
      for (TraceForm form : TraceForm.values()) {
        if (form == TraceForm.HISTORY && !synthesiser.create(HIDDEN).linearInTrainedWeights()) {
          continue;
        }
        for (String phi : List.of("tanh", "identity", "lstm")) {
          for (double lambda : new double[] {0, 0.5, 0.9, 1}) {
            for (double gamma : new double[] {0.9, 1}) {
              out.add(Arguments.of(synthesiser, form, phi, lambda, gamma));
            }
          }
        }
      }
    });
    return out.stream();
  }

  /** Everything one case needs, from a seed derived from the case. */
  private record Fixture(TestCortex cortex, JacobianSynthesiser synthesiser, ParameterSet theta, List<Episode> episodes) {

    static Fixture of(SynthesiserCase synthCase, String phi, double lambda, double gamma) {
      long seed = Objects.hash(synthCase.name(), phi, lambda, gamma);
      RandomGenerator random = TestBuildContext.random(seed);
      TestCortex cortex = TestCortex.of(INPUTS, HIDDEN, OUTPUTS, phi, seed);
      JacobianSynthesiser synthesiser = synthCase.create(HIDDEN);
      ParameterSet theta = synthesiser.initialParameters(random);
      Numerics.randomise(theta, 0.5, random);
      return new Fixture(cortex, synthesiser, theta, cortex.episodes(BATCH, STEPS, random));
    }
  }

  @ParameterizedTest(name = "{0}, {1} form, {2}, lambda {3}, gamma {4}")
  @MethodSource("cases")
  void summedOnlineUpdatesEqualTheForwardView(SynthesiserCase synthCase, TraceForm form, String phi, double lambda,
      double gamma) {
    Fixture f = Fixture.of(synthCase, phi, lambda, gamma);
    ParameterSet params = f.cortex().params();
    LockstepBatch run = new LockstepBatch(f.cortex().network(), f.episodes(), params);
    RecordingTrainingContext context = new RecordingTrainingContext(params);
    ParameterSet ignored = params.zerosLike();
    BpLambdaLearner learner = Learners.of(form, f.synthesiser(), f.theta(), BATCH, lambda, gamma,
        Double.POSITIVE_INFINITY, false);
    ParameterSet backward = f.theta().zerosLike();
    double[][] g = new double[BATCH][HIDDEN];
    learner.reset();
    for (int t = 0; t < STEPS; t++) {
      boolean last = t == STEPS - 1;
      run.forward(t, params, context, ignored);
      if (t > 0) {
        backward.addScaled(learner.correct(run.states(t), run.immediate(t), run.jacobians(t), last), 1);
      }
      learner.predict(run.states(t), run.jacobians(t), last, g);
    }

    ParameterSet forward = f.theta().zerosLike();
    double[] error = new double[HIDDEN];
    for (int b = 0; b < BATCH; b++) {
      double[][] predictions = new double[STEPS][HIDDEN];
      for (int t = 0; t < STEPS - 1; t++) {
        f.synthesiser().predict(f.theta(), run.states(t)[b], predictions[t]);
      }
      double[][] targets = LambdaTargets.of(run.immediateOf(b), predictions, run.jacobiansOf(b), lambda, gamma);
      for (int t = 0; t < STEPS - 1; t++) {
        for (int i = 0; i < HIDDEN; i++) {
          error[i] = (targets[t][i] - predictions[t][i]) / BATCH;
        }
        f.synthesiser().accumulateParameterGradient(f.theta(), run.states(t)[b], error, forward);
      }
    }
    double[] expected = flat(TrainedVector.trained(forward));
    assertTrue(Arrays.stream(expected).anyMatch(x -> Math.abs(x) > 1e-3), "a non-trivial update");
    double error1 = relativeError(flat(TrainedVector.trained(backward)), expected);
    assertTrue(error1 <= TOLERANCE, "backward view vs forward view: relative error " + error1);
  }

  @ParameterizedTest(name = "{0}, {1} form, {2}, lambda {3}, gamma {4}")
  @MethodSource("cases")
  void bpLambdaAndLambdaSgHandOverTheSameGradients(SynthesiserCase synthCase, TraceForm form, String phi,
      double lambda, double gamma) {
    Fixture f = Fixture.of(synthCase, phi, lambda, gamma);
    double sgWeight = 0.7;
    RecordingOptimiser online = new RecordingOptimiser();
    RecordingOptimiser offline = new RecordingOptimiser();
    ParameterSet onlineTheta = f.theta().copy();
    ParameterSet offlineTheta = f.theta().copy();
    BpLambda bpLambda = new BpLambda(f.cortex().network(), f.synthesiser(), onlineTheta, Learners.JAVA, WorkSharing.COMMON,
        new BpLambda.Settings(lambda, gamma, sgWeight, Double.POSITIVE_INFINITY, false, form, 0, true));
    LambdaSg lambdaSg = new LambdaSg(f.cortex().network(), f.synthesiser(), offlineTheta, lambda, gamma, sgWeight);
    RecordingTrainingContext onlineContext = new RecordingTrainingContext(f.cortex().params())
        .training(SyntheticFixtures.synthesiserGroup(onlineTheta, online));
    RecordingTrainingContext offlineContext = new RecordingTrainingContext(f.cortex().params())
        .training(SyntheticFixtures.synthesiserGroup(offlineTheta, offline));
    bpLambda.train(f.episodes(), onlineContext);
    lambdaSg.train(f.episodes(), offlineContext);

    assertEquals(1, online.gradients.size(), "bp-lambda with update=episode steps the synthesiser once");
    assertEquals(1, offline.gradients.size(), "lambda-sg steps the synthesiser once");
    double[] expected = flat(offline.gradients.get(0));
    assertTrue(Arrays.stream(expected).anyMatch(x -> Math.abs(x) > 1e-3), "a non-trivial synthesiser gradient");
    double synthError = relativeError(flat(online.gradients.get(0)), expected);
    assertTrue(synthError <= TOLERANCE, "synthesiser gradient: relative error " + synthError);

    assertEquals(1, onlineContext.gradients("cortex").size(), "bp-lambda with update=episode applies the cortex once");
    assertEquals(1, offlineContext.gradients("cortex").size(), "lambda-sg applies the cortex once");
    double cortexError = relativeError(flat(onlineContext.total()), flat(offlineContext.total()));
    assertTrue(cortexError <= TOLERANCE, "cortex gradient: relative error " + cortexError);
    assertEquals(onlineContext.outputsObserved(), offlineContext.outputsObserved());
    assertEquals(BATCH * STEPS, onlineContext.outputsObserved());
  }

  /** An optimiser that keeps a copy of every gradient it gets and changes nothing (theta stays frozen). */
  static final class RecordingOptimiser implements Optimiser {

    final List<List<Tensor>> gradients = new ArrayList<>();

    @Override
    public void step(List<Tensor> params, List<Tensor> grads) {
      assertEquals(params.size(), grads.size());
      gradients.add(grads.stream().map(Tensor::copy).toList());
    }
  }
}
