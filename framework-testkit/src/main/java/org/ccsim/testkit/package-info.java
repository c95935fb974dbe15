/**
 * Testing a component without the host: {@link org.ccsim.testkit.TestConfigs} builds a
 * {@link org.ccsim.api.Config} from a component's declared defaults as the host's validator would,
 * and {@link org.ccsim.testkit.TestBuildContext} gives it seeded streams, a task and a network.
 */
package org.ccsim.testkit;
