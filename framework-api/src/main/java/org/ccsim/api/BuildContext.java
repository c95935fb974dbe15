package org.ccsim.api;

import java.util.random.RandomGenerator;
import org.ccsim.api.compute.Compute;
import org.ccsim.api.compute.Parallel;

/**
 * What a {@link ComponentType} may use while creating an instance. Provided by the host.
 *
 * <p>Memory: a component that will hold more than a few kilobytes declares it with
 * {@link #reserveMemory} (or {@link #reserveParameters}) <em>before</em> allocating it, so that a
 * scenario too big for the JVM heap is refused while it is built, with the estimate and the limit,
 * instead of failing with an {@link OutOfMemoryError} (or an overflowing array size) later.
 */
public interface BuildContext {

  /**
   * A random stream for {@code purpose}, derived from the scenario's master seed and this
   * component's place in the scenario, so that adding another component never changes it. Asking
   * twice for the same purpose gives two generators in the same state.
   */
  RandomGenerator random(String purpose);

  /** The task of the scenario; available to networks, learning rules and perturbations. */
  Task task();

  /** The scenario's backend for dense maths; available to every component but the backend itself. */
  Compute compute();

  /** The host's loop over independent pieces of work (e.g. a batch's examples) on every core. */
  Parallel parallel();

  /** The network of the scenario; available to learning rules. */
  Network network();

  /**
   * Records the concrete value a component chose for one of its choice parameters left to it (such
   * as {@code auto}), one of the parameter's choices: {@code scenario.resolved.json} shows it in place
   * of the placeholder, so the record says what ran and a rerun of it runs the same without deciding
   * again.
   */
  void resolve(String parameter, String value);

  /**
   * Declares memory that every (rule, replicate) training unit will hold because of this component,
   * before it is allocated: the host adds it up per unit, multiplies by the units running at once
   * and refuses, with the estimate and the JVM heap limit, a scenario that cannot fit. A component
   * built once for the whole scenario (the network) declares here what each unit holds on its
   * behalf (its copy of the parameters); a component built per unit (a learning rule, its
   * synthesiser) what it allocates itself, sized for the real {@link #batchSize()}. The task is the
   * exception: every unit reads the one task, so what it declares (a dataset's examples) is counted
   * once for the run, not per unit. Only memory that is small by design goes undeclared.
   *
   * @param what what the memory is for, with the sizes it depends on, e.g. {@code "eligibility
   *     traces (2 x batch 10 x n 1000 x P 1001000 doubles)"}: the message of a refusal quotes it
   * @param bytes how much; a double so that products of sizes such as {@code 8.0 * batch * n * size}
   *     cannot overflow
   * @throws RuntimeException (the host's own) refusing the scenario when this cannot fit: let it pass
   */
  void reserveMemory(String what, double bytes);

  /**
   * {@link #reserveMemory} for parameters a training unit holds: each trained value together with a
   * gradient ({@value #COPIES_PER_TRAINED_VALUE} doubles), each fixed value together with a
   * gradient-shaped buffer ({@value #COPIES_PER_FIXED_VALUE}). The host adds the state of the
   * optimiser the scenario chooses for each group ({@link Optimiser#stateValuesPerParameter}).
   *
   * @param what the parameters and the sizes they follow, e.g. {@code "parameters W_s, b_s of n 30 units"}
   */
  default void reserveParameters(String what, double trainedValues, double fixedValues) {
    String fixed = fixedValues > 0 ? " and " + Math.round(fixedValues) + " fixed" : "";
    reserveMemory(what + ": " + Math.round(trainedValues) + " trained" + fixed
            + " values, with gradients",
        Double.BYTES * (COPIES_PER_TRAINED_VALUE * trainedValues + COPIES_PER_FIXED_VALUE * fixedValues));
  }

  /**
   * {@link #reserveMemory} for records a learning rule keeps of every step of every episode of a batch:
   * {@link #batchSize()} x {@link #episodeLength()} x {@code doublesPerStep} doubles.
   *
   * @param what what the records are, e.g. {@code "activations"}
   * @param perStep the sizes a step's record follows, e.g. {@code "(m 6 + 3 x n 30 + k 2)"}
   */
  default void reserveStepRecords(String what, String perStep, double doublesPerStep) {
    int batch = batchSize();
    int length = episodeLength();
    reserveMemory(what + " (batch " + batch + " x T " + length + " steps x " + perStep + " doubles)",
        Double.BYTES * (double) batch * length * doublesPerStep);
  }

  /** Doubles a training unit holds per trained parameter value besides its optimiser's state: it and a gradient. */
  int COPIES_PER_TRAINED_VALUE = 2;

  /** Doubles a training unit holds per fixed parameter value: it and a gradient-shaped buffer. */
  int COPIES_PER_FIXED_VALUE = 2;

  /**
   * The number of episodes in each training batch ({@code training.batchSize}), for sizing what a
   * learning rule holds per batch; the host's dry step may train smaller batches.
   */
  int batchSize();

  /**
   * The length of the task's episodes, from one sampled under a fixed seed (a typical length, for a
   * task whose episodes vary): the same answer for every unit of a scenario.
   */
  default int episodeLength() {
    return task().sample(new ReplayableRandom(0)).length();
  }

  /** Creates the nested component held by {@code config} (a {@link ParamType#COMPONENT} value). */
  <T> T create(Class<T> kind, Config config);

  /**
   * Declares tensors a learning rule trains beside the network's parameters (a synthesiser's
   * weights, say) as the parameter group {@code group}; available to learning rules only. From then
   * on the host owns them as it owns the network's: it builds their optimiser (from
   * {@code training.groupOptimisers.<group>} when the scenario gives one, else from the rule's own
   * component parameter {@code optimiserParameter}), steps it with the gradients the rule hands to
   * {@link TrainingContext#apply}, checks those gradients and the weights after each step for
   * divergence, and saves both the weights and the optimiser's state in checkpoints. The tensors
   * are shared, not copied: the rule keeps reading them, and never changes them itself.
   *
   * <p>The host refuses the rule, at its JSON path, if {@code group} is the name of a network group
   * or of a group the rule declared before, or a tensor's {@link Tensor#group()} is not {@code group}.
   *
   * @param optimiserParameter the rule's {@link ParamType#COMPONENT} parameter of kind
   *     {@link Optimiser} (e.g. {@code "synthOptimiser"})
   */
  void trains(String group, java.util.List<Tensor> tensors, String optimiserParameter);
}
