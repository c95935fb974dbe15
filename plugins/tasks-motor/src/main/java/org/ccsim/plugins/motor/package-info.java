/**
 * Plugin {@code tasks-motor}: motor-learning tasks (line drawing, centre-out reaching) and their
 * perturbations (rotation, gain, target jump, feedback delay, sparse feedback, motor noise), each a
 * wrapper of the task ({@link org.ccsim.plugins.motor.PerturbedTask}) that changes how the output is
 * scored ({@link org.ccsim.plugins.motor.OutputMap}) or when ({@link org.ccsim.plugins.motor.RescoredEpisode}).
 */
package org.ccsim.plugins.motor;
