package org.ccsim.api;

/**
 * Changes a task for the duration of a phase (a visuomotor rotation, a gain, ...): a wrapper that
 * returns a new {@link Task} and leaves the original untouched. Perturbations compose by wrapping in
 * turn.
 */
public interface Perturbation {

  /** The perturbed task. */
  Task apply(Task task);
}
