/**
 * The host's built-in optimisers (SGD, Adam) and the gradient-norm clipping wrapper that composes
 * with either, after Optax's chains: clipping is a component, not a flag inside every optimiser.
 */
package org.ccsim.core.optim;
