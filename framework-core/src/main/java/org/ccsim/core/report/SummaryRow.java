package org.ccsim.core.report;

/**
 * The summary of one measure of one metric for one rule in one phase, over replicates.
 *
 * @param measure what is taken of each replicate's learning curve in the phase
 * @param start mean of the first value recorded in the phase
 * @param stats the measure over replicates, compared with the first rule that records the metric
 */
public record SummaryRow(String metric, Measure measure, String rule, String phase, double start, Comparison stats) {
}
