package org.ccsim.core.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Splits rows into groups that share a key, such as a metric or a phase. */
final class Grouping {

  private Grouping() {
  }

  /** Rows grouped by a key, groups in order of first appearance, rows in their given order. */
  static <R> Map<String, List<R>> byKey(List<R> rows, Function<R, String> key) {
    Map<String, List<R>> groups = new LinkedHashMap<>();
    rows.forEach(r -> groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
    return groups;
  }
}
