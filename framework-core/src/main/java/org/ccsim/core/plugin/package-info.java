/**
 * Plugin host: PF4J loads plugin JARs, each through its own class loader; Guice, owned by the host,
 * creates their extensions; {@link org.ccsim.core.plugin.ComponentRegistry} indexes the component
 * types they provide by id.
 */
package org.ccsim.core.plugin;
