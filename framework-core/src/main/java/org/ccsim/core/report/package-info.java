/**
 * Summaries and plots computed from a run's stored results alone, so {@code ccsim report} can
 * re-render them at any time: per rule and phase, mean, sd and 95 % t-interval over replicates of
 * each metric's final value, its value at chosen epochs and the area under its learning curve
 * ({@link org.ccsim.core.report.Measure}), with paired t and Wilcoxon signed-rank tests against the first
 * rule ({@link org.ccsim.core.report.Comparison}); adaptation measures of the learning curves
 * ({@link org.ccsim.core.report.Adaptation}); learning curves, adaptation and hand-path plots; and
 * a static {@code report.html}. The tables of {@code summary.md} and {@code report.html} are filled
 * once ({@link org.ccsim.core.report.SummaryTables}), every column with the meaning its legend gives,
 * and rendered by {@link org.ccsim.core.report.MarkdownTables} and
 * {@link org.ccsim.core.report.HtmlTables}. Plots draw at most
 * {@link org.ccsim.core.report.DrawnRules#MAX} rules and say when they leave some out.
 */
package org.ccsim.core.report;
