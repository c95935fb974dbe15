/**
 * Summaries and plots computed from a run's stored {@code metrics.csv} alone, so {@code ccsim report}
 * can re-render them at any time: per rule and phase, mean, sd and 95 % t-interval over replicates
 * of each metric's final value, a paired t-test against the first rule, and learning curves.
 */
package org.ccsim.core.report;
