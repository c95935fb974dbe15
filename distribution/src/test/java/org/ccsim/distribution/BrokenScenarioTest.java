package org.ccsim.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input ends with exit code 2, a message naming the file, the JSON path and the
 * rule broken, before any simulation step and without creating a run folder.
 */
class BrokenScenarioTest {

  private static final String VALID = """
      {
        "scenario": "broken",
        "seed": 5,
        "task": { "type": "line-drawing", "steps": 4 },
        "network": { "type": "tanh-rnn", "hidden": 6 },
        "training": { "epochs": 2 },
        "rules": { "bptt": { "type": "bptt" } }
      }
      """;

  @TempDir
  Path dir;

  /** name, scenario text, extra --set arguments, expected message fragments. */
  static Stream<Arguments> cases() {
    return Stream.of(
        broken("unknown key", VALID.replace("\"seed\": 5,", "\"seed\": 5, \"replicate\": 3,"),
            "$.replicate", "unknown key", "did you mean 'replicates'?"),
        broken("unknown component key", VALID.replace("\"hidden\": 6", "\"hiden\": 6"),
            "$.network.hiden", "did you mean 'hidden'?"),
        broken("wrong type", VALID.replace("\"hidden\": 6", "\"hidden\": \"six\""),
            "$.network.hidden", "must be an integer (got \"six\")"),
        broken("out of range", VALID.replace("\"hidden\": 6", "\"hidden\": 0"),
            "$.network.hidden", "must be between 1 and 100000 (got 0)"),
        broken("unknown rule type", VALID.replace("{ \"type\": \"bptt\" }", "{ \"type\": \"btpt\" }"),
            "$.rules.bptt.type", "unknown learning rule 'btpt'", "'bptt' (plugin rule-bptt)"),
        broken("type of the wrong kind", VALID.replace("\"tanh-rnn\"", "\"line-drawing\""),
            "$.network.type", "'line-drawing' is a task, not a network"),
        broken("missing seed", VALID.replace("\"seed\": 5,", ""), "$.seed", "is required"),
        broken("zero seed", VALID.replace("\"seed\": 5", "\"seed\": 0"), "$.seed", "must not be 0"),
        broken("malformed JSON", VALID.substring(0, VALID.indexOf("\"network\"")), "malformed JSON", "line"),
        broken("missing comma", VALID.replace("\"seed\": 5,", "\"seed\": 5"), "$.seed", "malformed JSON"),
        broken("duplicate key", VALID.replace("\"seed\": 5,", "\"seed\": 5, \"seed\": 6,"), "$.seed", "Duplicate"),
        broken("bad choice", VALID.replace("\"type\": \"bptt\" }", "\"type\": \"bptt\", \"update\": \"never\" }"),
            "$.rules.bptt.update", "must be one of episode, window (got \"never\")"),
        broken("build-time check", VALID.replace("\"steps\": 4 }", "\"steps\": 4, \"cue\": \"binary\", \"cueBits\": 2 }"),
            "$.task.cueBits", "distinct non-zero codes"),
        broken("unknown optimiser group", VALID.replace("\"epochs\": 2 }",
            "\"epochs\": 2, \"groupOptimisers\": { \"readuot\": { \"type\": \"sgd\" } } }"),
            "$.training.groupOptimisers.readuot", "trains a parameter group 'readuot'"),
        broken("event action no bundled rule accepts", VALID.replace("\"seed\": 5,",
            "\"seed\": 5, \"events\": [{ \"atEpoch\": 2, \"action\": \"ablate-synthesiser\", \"rules\": [\"bptt\"] }],"),
            "$.events[0].action", "rule 'bptt' (bptt) does not accept the action 'ablate-synthesiser'; bptt accepts no action"),
        broken("event for an unknown rule", VALID.replace("\"seed\": 5,",
            "\"seed\": 5, \"events\": [{ \"atEpoch\": 2, \"action\": \"restore\", \"rules\": [\"cc-dni\"] }],"),
            "$.events[0].rules[0]", "must be one of the scenario's rules [bptt]"),
        broken("target jump after the episode", VALID.replace("\"epochs\": 2 }",
            "\"epochs\": 2 }, \"phases\": [{ \"name\": \"jump\", \"perturbation\": { \"type\": \"target-jump\", \"atStep\": 9 } }]"),
            "$.rules.bptt", "target-jump: atStep 9 is beyond the episode's 4 steps"),
        broken("dysmetria of a task without probes", VALID.replace("{ \"type\": \"line-drawing\", \"steps\": 4 }",
            "{ \"type\": \"copy-repeat\", \"bits\": 2 }").replace("\"rules\"",
            "\"record\": { \"metrics\": [\"loss\", \"dysmetria\"] }, \"rules\""),
            "$.record.metrics", "dysmetria is measured on the hand paths of the task's probes",
            "(copy-repeat) has none"),
        brokenSet("bad override", "rules.bptt.truncation=-1", "$.rules.bptt.truncation", "must be between 1"),
        brokenSet("override without a value", "seed", "--set seed", "PATH=VALUE"));
  }

  private static Arguments broken(String name, String text, String... fragments) {
    return Arguments.of(name, text, List.of(), List.of(fragments));
  }

  private static Arguments brokenSet(String name, String assignment, String... fragments) {
    return Arguments.of(name, VALID, List.of("--set", assignment), List.of(fragments));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputExitsWithTwoAndNamesFileAndPath(String name, String text, List<String> extra, List<String> fragments)
      throws IOException {
    Path file = dir.resolve("scenario.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Path out = dir.resolve("runs");
    for (String verb : List.of("run", "validate")) {
      List<String> args = new ArrayList<>(List.of(verb, file.toString()));
      if (verb.equals("run")) {
        args.addAll(List.of("--out", out.toString()));
      }
      args.addAll(extra);
      Cli.Result result = Cli.run(args.toArray(String[]::new));
      assertEquals(2, result.exit(), verb + ": " + result.out() + result.err());
      assertTrue(result.err().contains(file.toString()), result.err());
      for (String fragment : fragments) {
        assertTrue(result.err().contains(fragment), "missing '" + fragment + "' in: " + result.err());
      }
    }
    assertFalse(Files.exists(out), "no results folder for a scenario that failed validation");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyBrokenCaseIsReportedOnOneLinePerProblem(String name, String text, List<String> extra,
      List<String> fragments) throws IOException {
    Path file = dir.resolve("scenario.json");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    List<String> args = new ArrayList<>(List.of("validate", file.toString()));
    args.addAll(extra);
    for (String line : Cli.run(args.toArray(String[]::new)).err().strip().split("\n")) {
      assertTrue(line.startsWith(file + ": "), line);
    }
  }
}
