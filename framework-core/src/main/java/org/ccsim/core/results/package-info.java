/**
 * The results folder of a run (README.md, "Outputs"): atomic file writes, the tidy
 * {@code metrics.csv}, the resolved scenario and the provenance record.
 */
package org.ccsim.core.results;
