/** Plugin {@code tasks-motor}: motor-learning tasks (line drawing) and their perturbations (rotation). */
package org.ccsim.plugins.motor;
