/**
 * Plugin {@code synthesisers}: the synthetic-gradient models of Jaderberg et al. 2017 (ALGORITHMS
 * §3), {@code linear} ({@link org.ccsim.plugins.synthesisers.LinearSynthesiser}) and {@code mlp}
 * ({@link org.ccsim.plugins.synthesisers.MlpSynthesiser}). Both give their whole parameter Jacobian,
 * so every synthetic-gradient rule, {@code bp-lambda} included, can use them.
 */
package org.ccsim.plugins.synthesisers;
