package org.ccsim.core.results;

/**
 * One line of {@code metrics.csv}: the value of a metric for a rule and replicate at the end of an
 * epoch (epochs count from 1 across phases).
 */
public record MetricRow(String rule, int replicate, String phase, int epoch, String metric, double value) {
}
