/**
 * The {@code ccsim} command line (README.md, "Command line"), with picocli: run, validate, plugins,
 * describe, report; and the Guice module that wires the host (docs/architecture.md, "How the host is
 * wired").
 */
package org.ccsim.core.cli;
