package org.ccsim.core.report;

/**
 * The summary of one metric for one rule in one phase, over replicates.
 *
 * @param start mean of the first value recorded in the phase
 * @param finals the final value of the phase over replicates, compared with the first rule that
 *     records the metric
 */
public record SummaryRow(String metric, String rule, String phase, double start, Comparison finals) {
}
