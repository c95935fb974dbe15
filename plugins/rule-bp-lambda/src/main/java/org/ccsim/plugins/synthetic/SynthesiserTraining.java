package org.ccsim.plugins.synthetic;

import java.util.ArrayList;
import java.util.List;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Snapshot;
import org.ccsim.api.Stateful;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.Tensor;
import org.ccsim.api.TrainingContext;

/**
 * What a synthetic-gradient rule does with its synthesiser's weights theta, which the host owns
 * (declared with {@link SyntheticGradientParams#weights}): sums their gradient, hands it to the host
 * when the rule updates ({@link TrainingContext#apply}: the host's optimiser steps theta, checks it
 * for divergence and checkpoints it), and keeps the {@link Lesions} that decide whether the
 * synthesiser takes part and learns. With {@code synthUpdate: preconditioned} it also preconditions
 * the gradient before handing it over ({@link KroneckerPreconditioner}, from the states the rule
 * {@link #observe observes}). Its state of its own is the lesion flags and the preconditioner's
 * covariance.
 */
public final class SynthesiserTraining implements Stateful {

  private final ParameterSet gradient;
  private final ParameterSet trainedGradient;
  private final Lesions lesions = new Lesions();
  /** Null unless the update is preconditioned. */
  private final KroneckerPreconditioner preconditioner;

  /** Training by the plain summed gradient. */
  public SynthesiserTraining(ParameterSet theta) {
    this(theta, null, SynthesiserUpdate.GRADIENT);
  }

  /** Training by {@code update}, of which it carries out the preconditioning (a rule does least squares itself). */
  public SynthesiserTraining(ParameterSet theta, Synthesiser synthesiser, SynthesiserUpdate update) {
    this.gradient = theta.zerosLike();
    this.trainedGradient = new ParameterSet(TrainedVector.trained(gradient));
    this.preconditioner = update.preconditioner(synthesiser, theta);
  }

  /** Takes in states whose predictions the summed gradient trains, one per example (for the preconditioner). */
  public void observe(double[][] states) {
    if (preconditioner != null && lesions.learns()) {
      preconditioner.observe(states);
    }
  }

  /** The gradient summed since the last {@link #apply}, over every tensor of theta. */
  public ParameterSet gradient() {
    return gradient;
  }

  /** Hands the summed gradient of the trained weights to the host, unless a lesion stops learning; then clears it. */
  public void apply(TrainingContext context) {
    if (lesions.learns()) {
      precondition();
      context.apply(trainedGradient);
    }
    gradient.clear();
  }

  /**
   * Hands the batch mean over {@code examples} of the summed {@code cortexGrad} together with the
   * synthesiser's summed gradient (unless a lesion stops it learning) in one gradient, so that a clip
   * across groups ({@code training.clipGlobalNorm}) sees both, as when a rule updates both at the same
   * point; then clears both.
   */
  public void applyWithCortex(TrainingContext context, ParameterSet cortexGrad, int examples) {
    cortexGrad.scale(1.0 / examples);
    if (lesions.learns()) {
      precondition();
      List<Tensor> both = new ArrayList<>(cortexGrad.tensors());
      both.addAll(trainedGradient.tensors());
      context.apply(new ParameterSet(both));
    } else {
      context.apply(cortexGrad);
    }
    cortexGrad.clear();
    gradient.clear();
  }

  private void precondition() {
    if (preconditioner != null) {
      preconditioner.precondition(trainedGradient.tensors());
    }
  }

  /** Whether the synthesiser takes part at all ({@link Lesions#present}). */
  public boolean present() {
    return lesions.present();
  }

  /** Carries out a scenario event's lesion action. */
  public void act(String action) {
    lesions.act(action);
  }

  @Override
  public void saveState(Snapshot into) {
    lesions.saveState(into.child("lesions"));
    if (preconditioner != null) {
      preconditioner.saveState(into.child("preconditioner"));
    }
  }

  @Override
  public void restoreState(Snapshot from) {
    lesions.restoreState(from.child("lesions"));
    if (preconditioner != null) {
      preconditioner.restoreState(from.child("preconditioner"));
    }
  }
}
