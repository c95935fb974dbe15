package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Hostile input (issue 7): {@value #CASES} mutations of the shipped scenarios, drawn from one fixed
 * seed, go through {@code ccsim validate}; every case must end in success or in exit code 2 with
 * every message naming the file and a JSON path, never an uncaught exception, a stack trace, an
 * exception's name or a hang. Cases are validated {@value #BATCH} to a command (a command starts the
 * plugin host once); a batch that misbehaves is rerun case by case to name the culprit.
 */
class ScenarioFuzzTest {

  private static final long SEED = 0x5EED_F022L;
  private static final int CASES = 10_000;
  private static final int BATCH = 100;
  /** Hang guards, not speed checks: a batch takes about a second, a case milliseconds, even on a loaded machine. */
  private static final Duration BATCH_LIMIT = Duration.ofMinutes(10);
  private static final Duration CASE_LIMIT = Duration.ofMinutes(2);
  private static final int FAILURES_SHOWN = 10;
  /** Signs of an internal failure leaking to the user: an exception's or error's name, a stack frame. */
  private static final List<String> LEAKS = List.of("Exception", "Error", "\tat ", "at org.", "at java.");

  /**
   * Caps of the small variants: 8 cortical units, granule layers of 2 n cells; in a sweep grid the
   * i-th value's cap is raised by i, keeping values distinct (a fan-in grid of 4 stays within 8).
   */
  private static final Map<String, Integer> SMALL = Map.of("hidden", 8, "fanIn", 5, "expansion", 2);

  @TempDir
  Path dir;

  private final Map<String, int[]> tally = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();

  @Test
  void everyMutatedScenarioSucceedsOrNamesAJsonPathWithExitCodeTwo() throws IOException {
    List<JsonNode> bases = smallShippedScenarios();
    ScenarioMutator mutator = new ScenarioMutator(RandomGeneratorFactory.<RandomGenerator>of("L64X128MixRandom")
        .create(SEED));
    long start = System.nanoTime();
    int tried = 0;
    while (tried < CASES && failures.size() < FAILURES_SHOWN) {
      List<Path> files = new ArrayList<>();
      List<ScenarioMutator.Case> cases = new ArrayList<>();
      for (int i = 0; i < BATCH && tried < CASES; i++, tried++) {
        ScenarioMutator.Case hostile = mutator.mutate(bases.get(tried % bases.size()));
        Path file = dir.resolve(String.format("case-%05d.json", tried));
        Files.write(file, hostile.bytes());
        files.add(file);
        cases.add(hostile);
      }
      List<String> problems = validate(files, cases, BATCH_LIMIT, true);
      if (!problems.isEmpty()) {
        for (int i = 0; i < files.size(); i++) {
          validate(List.of(files.get(i)), List.of(cases.get(i)), CASE_LIMIT, false)
              .forEach(p -> failures.add(p));
        }
        if (failures.isEmpty()) {
          failures.addAll(problems); // only the batch as a whole misbehaved
        }
      }
      for (Path file : files) {
        Files.delete(file);
      }
    }
    System.out.printf("ScenarioFuzzTest: %d cases (seed %d) in %.1f s; per kind [success, exit 2]: %s%n", tried,
        SEED, (System.nanoTime() - start) / 1e9, tallyText());
    assertTrue(failures.isEmpty(), failures.size() + " failures, the first:\n"
        + String.join("\n", failures.subList(0, Math.min(FAILURES_SHOWN, failures.size()))));
    assertEquals(CASES, tried);
  }

  /** Validates the files in one command; returns what went wrong, tallying outcomes when asked. */
  private List<String> validate(List<Path> files, List<ScenarioMutator.Case> cases, Duration limit, boolean count) {
    List<String> args = new ArrayList<>(List.of("validate"));
    files.forEach(f -> args.add(f.toString()));
    Cli.Result result;
    try {
      result = assertTimeoutPreemptively(limit, () -> Cli.run(args.toArray(String[]::new)));
    } catch (AssertionFailedError timeout) {
      return List.of(describe(files, cases) + ": no answer within " + limit);
    }
    List<String> problems = new ArrayList<>();
    if (result.exit() != 0 && result.exit() != 2) {
      problems.add(describe(files, cases) + ": exit code " + result.exit() + "\n" + abbreviate(result.err()));
    }
    Map<String, List<String>> errors = byFile(result.err(), problems, files, cases);
    Map<String, List<String>> oks = byFile(result.out(), problems, files, cases);
    boolean anyBad = false;
    for (int i = 0; i < files.size(); i++) {
      String file = files.get(i).toString();
      List<String> messages = errors.getOrDefault(file, List.of());
      boolean ok = oks.getOrDefault(file, List.of()).stream().anyMatch(m -> m.startsWith("ok ("));
      anyBad |= !messages.isEmpty();
      String where = cases.get(i).kind() + " [" + cases.get(i).description() + "] " + files.get(i).getFileName();
      if (ok == !messages.isEmpty()) {
        problems.add(where + ": " + (ok ? "both ok and errors" : "neither ok nor an error") + "\n"
            + abbreviate(result.err()));
      }
      for (String message : messages) {
        if (!message.startsWith("$") || LEAKS.stream().anyMatch(message::contains)) {
          problems.add(where + ": " + abbreviate(message));
        }
      }
      if (count) {
        tally.computeIfAbsent(cases.get(i).kind().name().toLowerCase(), k -> new int[2])[ok ? 0 : 1]++;
      }
    }
    if (result.exit() != (anyBad ? 2 : 0) && problems.isEmpty()) {
      problems.add(describe(files, cases) + ": exit code " + result.exit());
    }
    return problems;
  }

  /** The lines of {@code text} by the case file they start with; a line naming no case is a problem. */
  private static Map<String, List<String>> byFile(String text, List<String> problems, List<Path> files,
      List<ScenarioMutator.Case> cases) {
    Map<String, List<String>> lines = new HashMap<>();
    for (String line : text.lines().toList()) {
      int end = line.indexOf(".json: ");
      if (end < 0) {
        problems.add(describe(files, cases) + ": a line naming no case: " + abbreviate(line));
      } else {
        lines.computeIfAbsent(line.substring(0, end + 5), k -> new ArrayList<>()).add(line.substring(end + 7));
      }
    }
    return lines;
  }

  private static String describe(List<Path> files, List<ScenarioMutator.Case> cases) {
    return files.size() == 1 ? cases.get(0).kind() + " [" + cases.get(0).description() + "] " + files.get(0).getFileName()
        : "batch " + files.get(0).getFileName() + ".." + files.get(files.size() - 1).getFileName();
  }

  private static String abbreviate(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 2000) + "...";
  }

  private String tallyText() {
    StringBuilder text = new StringBuilder();
    tally.forEach((kind, outcomes) -> text.append(text.isEmpty() ? "" : ", ").append(kind).append(' ')
        .append(outcomes[0]).append('/').append(outcomes[1]));
    return text.toString();
  }

  /** The shipped scenarios, made small (every dry step costs less), each checked to be valid. */
  private List<JsonNode> smallShippedScenarios() throws IOException {
    try (Stream<Path> files = Files.list(Cli.scenarios())) {
      List<JsonNode> bases = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode base = ScenarioMutator.parse(Files.readAllBytes(file));
        shrink(base);
        Path small = dir.resolve("small-" + file.getFileName());
        Files.writeString(small, base.toString());
        Cli.Result result = Cli.run("validate", small.toString());
        assertEquals(0, result.exit(), "the small variant of " + file + " is valid: " + result.err());
        bases.add(base);
      }
      assertTrue(bases.size() >= 5, "shipped scenarios in " + Cli.scenarios());
      return bases;
    }
  }

  /** Caps every size named in {@link #SMALL}, also in sweep grids (whose keys end in the name). */
  private static void shrink(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        String name = member.getKey().substring(member.getKey().lastIndexOf('.') + 1);
        Integer cap = SMALL.get(name);
        if (cap != null && member.getValue().isInt()) {
          member.setValue(IntNode.valueOf(Math.min(cap, member.getValue().intValue())));
        } else if (cap != null && member.getValue().isArray()) {
          ArrayNode values = (ArrayNode) member.getValue();
          for (int i = 0; i < values.size(); i++) {
            values.set(i, IntNode.valueOf(Math.min(cap + i, values.get(i).intValue()))); // still distinct
          }
        } else {
          shrink(member.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(ScenarioFuzzTest::shrink);
    }
  }
}
