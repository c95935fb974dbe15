/** The {@code ccsim} command line (DESIGN §4), with picocli: run, validate, plugins, describe, report. */
package org.ccsim.core.cli;
