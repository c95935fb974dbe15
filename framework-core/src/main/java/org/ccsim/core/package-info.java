/**
 * The ccsim host. Three layers, as in Nengo (description, builder, simulator):
 * {@link org.ccsim.core.scenario} reads and validates what the user describes into immutable
 * records; {@link org.ccsim.core.build} resolves component ids through the plugins, wires the
 * components and dry-runs one step; {@link org.ccsim.core.run} only runs what was built and records
 * metrics. {@link org.ccsim.core.report} turns stored metrics into summaries and plots;
 * {@link org.ccsim.core.cli} is the command line.
 */
package org.ccsim.core;
