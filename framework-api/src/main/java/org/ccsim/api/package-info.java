/**
 * The extension points and value types of ccsim.
 *
 * <p>A plugin contributes components by implementing one of the {@link org.ccsim.api.ComponentType}
 * sub-interfaces ({@link org.ccsim.api.NetworkType}, {@link org.ccsim.api.TaskType},
 * {@link org.ccsim.api.LearningRuleType}, {@link org.ccsim.api.OptimiserType},
 * {@link org.ccsim.api.PerturbationType}, {@link org.ccsim.api.SynthesiserType}) and annotating
 * the class with PF4J's {@code @Extension}.
 * A component type declares its parameters ({@link org.ccsim.api.Param}); the host validates a
 * scenario against those declarations before it calls
 * {@link org.ccsim.api.ComponentType#create(Config, BuildContext)}.
 *
 * <p>Notation follows {@code ALGORITHMS.md}: gradients are row vectors, {@code n} hidden units,
 * {@code m} inputs, {@code k} outputs, steps {@code t = 1..T}.
 *
 * <p>This module depends on nothing but the JDK, PF4J's {@code ExtensionPoint} and the standard
 * {@code jakarta.inject} annotations (a component type may ask for a host service such as
 * {@link org.ccsim.api.compute.Parallel} in an {@code @Inject} constructor); plugins declare it
 * {@code provided}.
 */
package org.ccsim.api;
