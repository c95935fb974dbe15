package org.ccsim.core.build;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ccsim.api.BuildContext;
import org.ccsim.core.scenario.JsonPath;
import org.ccsim.core.scenario.Problem;

/**
 * The memory that components declared through {@link BuildContext#reserveMemory}, per training
 * unit, against the JVM heap limit. A declaration is refused at once, before the component
 * allocates, when it alone or the unit it belongs to would not fit in the heap; {@link #check}
 * compares the whole run, as many units as run at once, with the heap.
 *
 * <p>A unit of rule R holds what the components built once declared for every unit (the network's
 * parameters: {@link #common()}) plus what R's own components declared ({@link #of}). What the task
 * holds (a dataset's examples, {@link #shared()}) is held once, whatever the number of units, and is
 * added once to every total. Building a
 * unit again (the dry run, then every replicate) declares the same amounts again, which replace
 * the first ones: the ledger keeps one unit per rule. The leader of a passive comparison
 * ({@link #carries}) holds a follower unit of every other rule besides its own. Units are built on
 * several threads, hence the locking.
 */
public final class MemoryLedger {

  private static final double GIB = 1L << 30;

  private final long heapLimit;
  private final Map<String, Double> shared = new LinkedHashMap<>();
  private final Map<String, Double> common = new LinkedHashMap<>();
  private final Map<String, Map<String, Double>> rules = new LinkedHashMap<>();
  private final Map<String, List<String>> followers = new LinkedHashMap<>();

  /** @param heapLimit bytes the run may hold, normally {@link Runtime#maxMemory()} */
  MemoryLedger(long heapLimit) {
    this.heapLimit = heapLimit;
  }

  /** Where to declare what the run holds once for all its units: the task's data. */
  Account shared() {
    return new Account(shared, null);
  }

  /** Where to declare what every unit holds. */
  Account common() {
    return new Account(common, null);
  }

  /** Where to declare what a unit of {@code rule} holds. */
  synchronized Account of(String rule) {
    return new Account(rules.computeIfAbsent(rule, r -> new LinkedHashMap<>()), rule);
  }

  /** Every unit of {@code leader} also holds a unit of each of {@code others}: a passive comparison's followers. */
  synchronized void carries(String leader, Collection<String> others) {
    followers.put(leader, List.copyOf(others));
  }

  /** The bytes a unit of {@code rule} is expected to hold, with the follower units it carries. */
  synchronized double unitBytes(String rule) {
    double bytes = ownBytes(rule);
    for (String follower : followers.getOrDefault(rule, List.of())) {
      bytes += ownBytes(follower);
    }
    return bytes;
  }

  private double ownBytes(String rule) {
    return sum(common) + sum(rules.getOrDefault(rule, Map.of()));
  }

  /** The rule of the largest unit that holds what {@code rule}'s components declare: its own, or its leader's. */
  private String holding(String rule) {
    return followers.entrySet().stream().filter(e -> e.getValue().contains(rule)).map(Map.Entry::getKey)
        .findFirst().orElse(rule);
  }

  /**
   * Whether a run of {@code replicates} units of each of {@code ruleNames} on {@code threads} threads
   * fits in the heap: the units running at once are taken to be the largest ones. A rule that declared
   * nothing of its own still holds what the network declared.
   *
   * @return the problem, at {@code --threads}, naming the estimate, the limit and a thread count that fits
   */
  public synchronized Optional<Problem> check(Collection<String> ruleNames, int threads, int replicates) {
    List<Double> units = largestFirst(ruleNames, replicates);
    int atOnce = Math.min(threads, units.size());
    double needed = running(units, atOnce);
    if (needed <= heapLimit) {
      return Optional.empty();
    }
    int fitting = atOnce - 1;
    while (fitting > 0 && running(units, fitting) > heapLimit) {
      fitting--;
    }
    String fewer = fitting == 0 ? "" : "run with --threads " + fitting + " (about " + format(running(units, fitting))
        + "), or ";
    String largest = ruleNames.stream().max(Comparator.comparingDouble(this::unitBytes)).orElseThrow();
    int carried = followers.getOrDefault(largest, List.of()).size();
    String carrying = carried == 0 ? "" : " with the " + carried + " rules it compares";
    return Optional.of(new Problem("--threads", "the run needs about " + format(needed) + " for " + atOnce
        + " training units at once on " + threads + " thread(s) (the largest, of rule " + largest + carrying + ", about "
        + format(unitBytes(largest)) + ")" + sharedPart() + ", more than the JVM heap limit of " + format(heapLimit)
        + ": " + fewer + raise(needed)));
  }

  /**
   * The bytes a process holds that runs units of {@code ruleNames} ({@code replicates} each) on
   * {@code threads} threads: the largest units at once, and the task's data.
   */
  public synchronized double bytesAtOnce(Collection<String> ruleNames, int threads, int replicates) {
    List<Double> units = largestFirst(ruleNames, replicates);
    return running(units, Math.min(threads, units.size()));
  }

  private List<Double> largestFirst(Collection<String> ruleNames, int replicates) {
    List<Double> units = new ArrayList<>();
    for (String rule : ruleNames) {
      for (int r = 0; r < replicates; r++) {
        units.add(unitBytes(rule));
      }
    }
    units.sort(Comparator.reverseOrder());
    return units;
  }

  /** The bytes held while the first {@code count} of {@code units} (largest first) run: theirs and the task's data. */
  private double running(List<Double> units, int count) {
    return sum(shared) + units.stream().limit(count).mapToDouble(Double::doubleValue).sum();
  }

  /** {@code " and the task's data held once (about 52.4 MB)"}, or nothing when the task declared nothing. */
  private String sharedPart() {
    return shared.isEmpty() ? "" : " and the task's data held once (about " + format(sum(shared)) + ")";
  }

  private synchronized void reserve(Map<String, Double> entries, String rule, JsonPath path, String what,
      double bytes) {
    if (!(bytes >= 0)) {
      throw new IllegalArgumentException("declared " + bytes + " bytes for " + what);
    }
    if (bytes > heapLimit) {
      throw new BuildException(path, "needs about " + format(bytes) + " for " + what + ", more than the JVM heap limit of "
          + format(heapLimit) + "; " + raise(bytes));
    }
    entries.put(path + " " + what, bytes);
    String fullest = rule != null ? holding(rule)
        : rules.keySet().stream().max(Comparator.comparingDouble(this::unitBytes)).orElse(null);
    double unit = fullest == null ? sum(common) : unitBytes(fullest);
    if (sum(shared) + unit > heapLimit) {
      throw new BuildException(path, "needs about " + format(bytes) + " for " + what + ", which makes a training unit"
          + (fullest == null ? "" : " of rule " + fullest) + " need about " + format(unit) + " in all" + sharedPart()
          + ", more than the JVM heap limit of " + format(heapLimit) + "; " + raise(sum(shared) + unit));
    }
  }

  private static double sum(Map<String, Double> entries) {
    return entries.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** How to get {@code bytes}: more heap where that is plausible, else smaller sizes. */
  private static String raise(double bytes) {
    if (bytes > 1024 * GIB) {
      return "reduce the sizes named";
    }
    long gigabytes = (long) Math.ceil(bytes * 1.25 / GIB) + 1;
    return "raise the heap limit if the machine has the memory (CCSIM_JAVA_OPTS=-Xmx" + gigabytes
        + "g ./ccsim ...), or reduce the sizes named";
  }

  /** {@code bytes} in binary units, as the JVM's -Xmx counts them: {@code 7.5 GB}. */
  static String format(double bytes) {
    String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? Math.round(value) + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** The part of the ledger one component declares into: the run's, every unit's, or one rule's. */
  final class Account {

    private final Map<String, Double> entries;
    private final String rule;

    /** @param rule the rule whose units hold the entries, {@code null} for every unit's or the run's */
    private Account(Map<String, Double> entries, String rule) {
      this.entries = entries;
      this.rule = rule;
    }

    /** Records {@code bytes} for {@code what}, declared by the component at {@code path}. */
    void reserve(JsonPath path, String what, double bytes) {
      MemoryLedger.this.reserve(entries, rule, path, what, bytes);
    }
  }
}
