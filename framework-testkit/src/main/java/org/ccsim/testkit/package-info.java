/**
 * Testing a component without the host.
 *
 * <p>The contract test kit: a component's test extends the class for its kind
 * ({@link org.ccsim.testkit.TaskContract}, {@link org.ccsim.testkit.NetworkContract},
 * {@link org.ccsim.testkit.LearningRuleContract}, {@link org.ccsim.testkit.OptimiserContract},
 * {@link org.ccsim.testkit.PerturbationContract}, {@link org.ccsim.testkit.SynthesiserContract}),
 * says which type and configurations to check, and inherits JUnit 5 tests every component must pass
 * (see {@link org.ccsim.testkit.ComponentContract}).
 *
 * <p>Helpers: {@link org.ccsim.testkit.TestConfigs} builds a {@link org.ccsim.api.Config} from a
 * component's declared defaults, {@link org.ccsim.testkit.TestBuildContext} gives it seeded streams,
 * a task, a network and nested components, {@link org.ccsim.testkit.RecordingTrainingContext} keeps
 * a rule's gradients, {@link org.ccsim.testkit.TestEpisodes} makes random episodes and
 * {@link org.ccsim.testkit.FiniteDifferences} checks derivatives.
 */
package org.ccsim.testkit;
