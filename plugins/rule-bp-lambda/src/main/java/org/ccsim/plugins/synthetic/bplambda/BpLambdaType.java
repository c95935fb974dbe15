package org.ccsim.plugins.synthetic.bplambda;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Param;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Range;
import org.ccsim.plugins.synthetic.Diagnostics;
import org.ccsim.plugins.synthetic.Lesions;
import org.ccsim.plugins.synthetic.LockstepBatch;
import org.ccsim.plugins.synthetic.SynthesiserUpdate;
import org.ccsim.plugins.synthetic.SyntheticGradientParams;
import org.ccsim.plugins.synthetic.TrainedVector;
import org.pf4j.Extension;

/** The component {@code bp-lambda}: accumulate BP(lambda), see {@link BpLambda}. */
@Extension
public final class BpLambdaType implements LearningRuleType {

  @Override
  public String id() {
    return "bp-lambda";
  }

  @Override
  public String description() {
    return "accumulate BP(lambda) (Pemberton & Costa, TMLR 2024; ALGORITHMS §3b): online cortex updates"
        + " with synthetic gradients, synthesiser trained by eligibility traces, no backward pass";
  }

  @Override
  public List<Param> parameters() {
    List<Param> params = new ArrayList<>(List.of(
        SyntheticGradientParams.LAMBDA, SyntheticGradientParams.GAMMA));
    params.addAll(SyntheticGradientParams.ALL);
    params.add(Param.optionalReal("synthClip", Range.greaterThan(0),
        "if given, each step's synthesiser update delta_t e_t is clipped to this norm, tensor by tensor"));
    params.add(Param.choice("update", "episode", List.of("episode", "step"),
        "apply cortex and synthesiser updates at every step, or summed once per batch"));
    params.add(Param.choice("traceForm", "auto", List.of("auto", "trace", "history"),
        "trace: carry e_t online (n^2 P per step); history: the same update summed from the episode's record"
            + " (needs a synthesiser linear in its weights); auto: the cheaper by a cost model"));
    params.add(Param.real("historyTolerance", 0.0, Range.between(0, 1),
        "history form: stop summing at terms weighted (gamma lambda)^k below this (0: exact, every term)"));
    params.addAll(SynthesiserUpdate.parameters(SynthesiserUpdate.Method.values()));
    return params;
  }

  @Override
  public Map<String, String> metrics() {
    return Diagnostics.withSynthesiserMetrics(Map.of(
        Diagnostics.TD_ERROR, "mean norm of the TD error delta_t over steps and examples",
        Diagnostics.ALIGNMENT, "cosine of the learning signal c_t + s g_t with the BPTT gradient c_t + G*_t",
        Diagnostics.SG_ALIGNMENT, "cosine of g_t with the true future gradient G*_t (offline BPTT pass)"));
  }

  @Override
  public Map<String, String> actions() {
    return Lesions.ACTIONS;
  }

  @Override
  public LearningRule create(Config config, BuildContext context) {
    if (!(SyntheticGradientParams.synthesiser(config, context) instanceof JacobianSynthesiser synthesiser)) {
      throw new ConfigException(SyntheticGradientParams.SYNTHESISER.name(), "synthesiser '"
          + config.component(SyntheticGradientParams.SYNTHESISER.name()).type() + "' does not give its parameter"
          + " Jacobian, which the eligibility traces of bp-lambda need; dni and lambda-sg work with any synthesiser");
    }
    ParameterSet theta = SyntheticGradientParams.weights(synthesiser, context);
    int n = synthesiser.size();
    int size = TrainedVector.size(theta);
    int length = context.episodeLength();
    double decay = config.real("gamma") * config.real("lambda");
    TraceForm.Shape shape = new TraceForm.Shape(n, size, length, decay);
    SynthesiserUpdate update = SynthesiserUpdate.of(config, synthesiser, context);
    boolean leastSquares = update.method() == SynthesiserUpdate.Method.LEAST_SQUARES;
    TraceForm form = form(config, context, synthesiser, shape, leastSquares);
    int batch = context.batchSize();
    if (leastSquares) {
      requireLeastSquaresSettings(config);
      int m = synthesiser.readoutInputs();
      context.reserveMemory("least-squares fit (A, the system and its LU: 3 x P^2 with P = n " + n + " x (m " + m
          + " + 1), and per example two traces, doubles)", LeastSquaresFit.bytes(n, m, batch));
    }
    double thetaValues = theta.tensors().stream().mapToDouble(t -> t.data().length).sum();
    form.reserve(context, shape, thetaValues);
    LockstepBatch.reserve(context);
    context.reserveMemory("synthesiser updates (batch " + batch + " + 1 x P " + size + " and " + Math.round(thetaValues)
        + " parameter values, doubles)", Double.BYTES * ((batch + 1.0) * size + thetaValues));
    BpLambda.Settings settings = new BpLambda.Settings(config.real("lambda"), config.real("gamma"),
        SyntheticGradientParams.effectiveWeight(config), config.has("synthClip") ? config.real("synthClip") : Double.POSITIVE_INFINITY,
        config.string("update").equals("step"), form, config.real("historyTolerance"),
        form.spreads(shape));
    return new BpLambda(context.network(), synthesiser, theta, context.compute(), context.parallel(), settings, update);
  }

  /** Least squares solves once per batch, sets theta through plain SGD and clips nothing. */
  private static void requireLeastSquaresSettings(Config config) {
    if (config.string("update").equals("step")) {
      throw new ConfigException("update", "synthUpdate least-squares solves for theta once per batch: use update"
          + " episode");
    }
    if (config.has("synthClip")) {
      throw new ConfigException("synthClip", "synthUpdate least-squares takes no gradient steps to clip: leave it out");
    }
    String optimiser = config.component(SyntheticGradientParams.SYNTH_OPTIMISER.name()).type();
    if (!optimiser.equals("sgd")) {
      throw new ConfigException(SyntheticGradientParams.SYNTH_OPTIMISER.name(), "synthUpdate least-squares hands"
          + " the optimiser the step theta - theta*, which only sgd takes as it is (learningRate 1: theta = theta*);"
          + " got '" + optimiser + "'");
    }
  }

  private static TraceForm form(Config config, BuildContext context, JacobianSynthesiser synthesiser, TraceForm.Shape shape,
      boolean leastSquares) {
    String chosen = config.string("traceForm");
    TraceForm form;
    if (leastSquares && chosen.equals(TraceForm.HISTORY.id())) {
      throw new ConfigException("traceForm", "synthUpdate least-squares reads the eligibility traces themselves:"
          + " use trace or auto");
    }
    if (chosen.equals("auto")) {
      form = leastSquares ? TraceForm.TRACE : TraceForm.cheapest(synthesiser, shape);
      context.resolve("traceForm", form.id());
    } else if (chosen.equals(TraceForm.HISTORY.id()) && !synthesiser.linearInTrainedWeights()) {
      throw new ConfigException("traceForm", "the history form needs a synthesiser linear in its trained weights"
          + " (linear, or a cerebellum whose Purkinje layer alone learns); this one is not: use trace or auto");
    } else {
      form = TraceForm.valueOf(chosen.toUpperCase(Locale.ROOT));
    }
    if (form == TraceForm.TRACE && config.real("historyTolerance") > 0) {
      throw new ConfigException("historyTolerance", "applies to the history form only, and traceForm is (or resolved"
          + " to) trace: leave it at 0");
    }
    return form;
  }
}
