/**
 * The results folder of a run (DESIGN §5): atomic file writes, the tidy {@code metrics.csv}, the
 * resolved scenario and the provenance record.
 */
package org.ccsim.core.results;
