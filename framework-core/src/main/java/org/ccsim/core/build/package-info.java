/**
 * The build step: resolves the component ids of a validated scenario through the
 * {@link org.ccsim.core.plugin.ComponentRegistry}, creates the components with their seeded
 * streams, checks that they fit together, and dry-runs one step of every rule before the first epoch
 * (after Nengo's build-time checks and OLCUT's {@code postConfig}).
 */
package org.ccsim.core.build;
