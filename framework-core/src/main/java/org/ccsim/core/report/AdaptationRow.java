package org.ccsim.core.report;

/** One adaptation measure ({@link Adaptation}) of one rule in one phase, over replicates. */
public record AdaptationRow(String rule, String phase, String measure, Comparison stats) {
}
