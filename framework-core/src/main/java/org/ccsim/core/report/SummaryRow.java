package org.ccsim.core.report;

/**
 * The summary of one metric for one rule in one phase, over replicates.
 *
 * @param start mean of the first value recorded in the phase
 * @param mean mean of the final value of the phase
 * @param sd sample standard deviation of the final values ({@code NaN} for one replicate)
 * @param ciLow lower end of the 95 % t-interval of the mean
 * @param ciHigh upper end of the 95 % t-interval of the mean
 * @param differenceToFirst mean paired difference (this rule minus the first rule); {@code NaN} for
 *     the first rule
 * @param effectSize Cohen's d_z of the paired differences (mean / sd of the differences)
 * @param pValue two-sided paired t-test against the first rule; {@code NaN} when undefined
 */
public record SummaryRow(String metric, String rule, String phase, int n, double start, double mean, double sd,
    double ciLow, double ciHigh, double differenceToFirst, double effectSize, double pValue) {
}
