package org.ccsim.core.scenario;

import static org.ccsim.core.scenario.ScenarioFiles.MINIMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broken scenario is rejected before anything is built, with a line
 * {@code file: $.json.path: rule broken} (README.md, "Validation"), and one mistake is reported once.
 */
class ScenarioReaderErrorsTest {

  /** A broken scenario: the file text, {@code --set} overrides, where it is wrong and which rule it breaks. */
  record Broken(String name, String text, List<String> overrides, String path, String rule) {

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Broken> brokenScenarios() {
    return Stream.of(
        broken("unknown top-level key", MINIMAL.replace("'seed': 17,", "'seed': 17, 'colour': 'red',"),
            "$.colour", "unknown key for a scenario"),
        broken("unknown key in a component", MINIMAL.replace("'hidden': 8", "'hiden': 8"),
            "$.network.hiden", "unknown key for fake-net; did you mean 'hidden'?"),
        broken("misspelt top-level key the validator leaves to the reader",
            MINIMAL.replace("'seed': 17,", "'seed': 17, 'recrod': {'every': 2},"),
            "$.recrod", "did you mean 'record'?"),
        broken("misspelt nested key the validator leaves to the reader",
            MINIMAL.replace("'seed': 17,", "'seed': 17, 'record': {'metric': ['loss']},"),
            "$.record.metric", "unknown key for record; did you mean 'metrics'?"),
        broken("string where an integer is expected",
            MINIMAL.replace("'epochs': 5", "'epochs': 5, 'batchSize': 'ten'"),
            "$.training.batchSize", "must be an integer (got \"ten\")"),
        broken("a fraction where an integer is expected", MINIMAL.replace("'epochs': 5", "'epochs': 5, 'batchSize': 2.5"),
            "$.training.batchSize", "must be an integer (got 2.5)"),
        broken("value out of range", MINIMAL.replace("'epochs': 5", "'epochs': 5, 'batchSize': 0"),
            "$.training.batchSize", "must be between 1 and 1000000 (got 0)"),
        broken("clip across groups without a positive norm",
            MINIMAL.replace("'epochs': 5", "'epochs': 5, 'clipGlobalNorm': {'maxNorm': 0, 'groups': ['cortex']}"),
            "$.training.clipGlobalNorm.maxNorm", "must be a finite number above 0 (got 0)"),
        broken("clip across groups naming a group twice",
            MINIMAL.replace("'epochs': 5", "'epochs': 5, 'clipGlobalNorm': {'maxNorm': 1, 'groups': ['cortex', 'cortex']}"),
            "$.training.clipGlobalNorm.groups[1]", "must be a group name, each named once"),
        broken("clip across groups with an unknown key",
            MINIMAL.replace("'epochs': 5", "'epochs': 5, 'clipGlobalNorm': {'maxNorm': 1, 'groups': ['cortex'], 'norm': 2}"),
            "$.training.clipGlobalNorm.norm", "unknown key; clipGlobalNorm takes maxNorm and groups"),
        broken("unknown component type", MINIMAL.replace("'type': 'fake-rule'", "'type': 'fake-rul'"),
            "$.rules.bptt.type", "unknown learning rule 'fake-rul'; closest: 'fake-rule' (plugin test-plugin)"),
        broken("unknown optimiser", MINIMAL.replace("'epochs': 5", "'epochs': 5, 'optimiser': {'type': 'adamw'}"),
            "$.training.optimiser.type", "closest: 'adam' (plugin ccsim-core)"),
        broken("component id of the wrong kind", MINIMAL.replace("'type': 'fake-net'", "'type': 'fake-rule'"),
            "$.network.type", "'fake-rule' is a learning rule, not a network"),
        broken("scenario name that would leave the results root", MINIMAL.replace("'scenario': 'demo'", "'scenario': '..'"),
            "$.scenario", "and not only dots (it names the results folder)"),
        broken("checkpoint interval below 0", MINIMAL.replace("'seed': 17,", "'seed': 17, 'checkpoint': {'every': -1},"),
            "$.checkpoint.every", "must be between 0 and 10000000 (got -1)"),
        broken("missing seed", MINIMAL.replace("'seed': 17,", ""),
            "$.seed", "is required"),
        broken("seed 0", MINIMAL.replace("'seed': 17", "'seed': 0"),
            "$.seed", "must not be 0"),
        broken("truncated file", MINIMAL.substring(0, MINIMAL.indexOf("'rules'") + "'rules': {'bptt': {".length()),
            "$.rules.bptt (line 7, column 22)", "malformed JSON: Unexpected end-of-input"),
        broken("duplicate key", MINIMAL.replace("'seed': 17,", "'seed': 17, 'seed': 18,"),
            "$.seed (line 3, column 21)", "malformed JSON: Duplicate field 'seed'"),
        broken("empty file", "",
            "$", "the file is empty"),
        broken("nesting deeper than the limit", MINIMAL.replace("'hidden': 8", "'hidden': " + "[".repeat(100) + "]".repeat(100)),
            "$.network.hidden" + "[0]".repeat(ScenarioReader.MAX_DEPTH - 2) + " (line 5, column 108)",
            "malformed JSON: Document nesting depth (65) exceeds the maximum allowed (64)"),
        broken("number of 2000 digits", MINIMAL.replace("'hidden': 8", "'hidden': " + "9".repeat(2000)),
            "$.network.hidden (line 5, column ", "malformed JSON: Number value length (2000) exceeds the maximum allowed (1000)"),
        broken("NaN token", MINIMAL.replace("'hidden': 8", "'hidden': NaN"),
            "$.network.hidden (line 5, column 48)", "malformed JSON: Non-standard token 'NaN'"),
        broken("content after the object", MINIMAL + "{}",
            "$ (line 9, column 2)", "malformed JSON: Trailing token (of type START_OBJECT) found after value"),

        broken("root not an object", "[1, 2]",
            "$", "must be a JSON object (got [1,2])"),
        broken("missing rules", MINIMAL.replace(",\n  'rules': {'bptt': {'type': 'fake-rule'}}", ""),
            "$.rules", "is required"),
        broken("bad rule name", MINIMAL.replace("'bptt':", "'bp tt':"),
            "$.rules['bp tt']", "the name must contain only letters, digits"),
        broken("duplicate phase names", MINIMAL.replace("'epochs': 5}", "'epochs': 5}, 'phases': [{'name': 'a'}, {'name': 'a'}]"),
            "$.phases[1].name", "must be unique ('a' is used twice)"),
        broken("unknown metric", MINIMAL.replace("'seed': 17,", "'seed': 17, 'record': {'metrics': ['loss', 'acuracy']},"),
            "$.record.metrics[1]", "must be one of [loss, accuracy, update-alignment, dysmetria, stage], the metrics of this scenario's rules (got \"acuracy\")"),
        broken("unknown evaluation split", MINIMAL.replace("'seed': 17,", "'seed': 17, 'evaluation': {'split': 'validation'},"),
            "$.evaluation.split", "must be one of test, train (got \"validation\")"),
        broken("evaluation of no examples", MINIMAL.replace("'seed': 17,", "'seed': 17, 'evaluation': {'examples': 0},"),
            "$.evaluation.examples", "must be"),
        broken("unknown evaluation key", MINIMAL.replace("'seed': 17,", "'seed': 17, 'evaluation': {'evry': 2},"),
            "$.evaluation.evry", "did you mean 'every'?"),
        broken("a landmark that is not a number", MINIMAL.replace("'seed': 17,", "'seed': 17, 'summary': {'landmarks': {'loss': {'t1': 'low'}}},"),
            "$.summary.landmarks.loss.t1", "must be a finite number (got \"low\")"),
        broken("landmarks that are not an object", MINIMAL.replace("'seed': 17,", "'seed': 17, 'summary': {'landmarks': [1.6]},"),
            "$.summary.landmarks", "must be an object of metric to {label: value}"),
        broken("compare led by an unknown rule", MINIMAL.replace("'seed': 17,", "'seed': 17, 'compare': {'leader': 'bpt'},"),
            "$.compare.leader", "must name one of the scenario's rules [bptt] (got 'bpt')"),
        broken("compare without a leader", MINIMAL.replace("'seed': 17,", "'seed': 17, 'compare': {'every': 2},"),
            "$.compare.leader", "is required"),
        broken("compare every 0 batches", MINIMAL.replace("'seed': 17,", "'seed': 17, 'compare': {'leader': 'bptt', 'every': 0},"),
            "$.compare.every", "must be"),
        broken("event action the rule does not declare", MINIMAL.replace("'seed': 17,",
            "'seed': 17, 'events': [{'atEpoch': 2, 'action': 'ablate-olive', 'rules': ['bptt']}],"),
            "$.events[0].action", "rule 'bptt' (fake-rule) does not accept the action 'ablate-olive'; it accepts: ablate, restore"),
        broken("event naming an unknown rule", MINIMAL.replace("'seed': 17,",
            "'seed': 17, 'events': [{'atEpoch': 2, 'action': 'ablate', 'rules': ['cc-dni']}],"),
            "$.events[0].rules[0]", "must be one of the scenario's rules [bptt] (got \"cc-dni\")"),
        broken("event without rules", MINIMAL.replace("'seed': 17,",
            "'seed': 17, 'events': [{'atEpoch': 2, 'action': 'ablate'}],"),
            "$.events[0].rules", "is required"),
        broken("event after the last epoch", MINIMAL.replace("'seed': 17,",
            "'seed': 17, 'events': [{'atEpoch': 6, 'action': 'ablate', 'rules': ['bptt']}],"),
            "$.events[0].atEpoch", "must be at most 5, the scenario's epochs (got 6)"),
        broken("event epoch beyond its phase", MINIMAL.replace("'epochs': 5}",
            "'epochs': 5}, 'phases': [{'name': 'a'}, {'name': 'b', 'epochs': 2}], "
                + "'events': [{'phase': 'b', 'epoch': 3, 'action': 'ablate', 'rules': ['bptt']}]"),
            "$.events[0].epoch", "must be at most 2, the epochs of phase 'b' (got 3)"),
        broken("event in an unknown phase", MINIMAL.replace("'epochs': 5}",
            "'epochs': 5}, 'phases': [{'name': 'a'}], 'events': [{'phase': 'c', 'action': 'ablate', 'rules': ['bptt']}]"),
            "$.events[0].phase", "no phase 'c' (phases: a)"),
        broken("event with both atEpoch and phase", MINIMAL.replace("'seed': 17,",
            "'seed': 17, 'events': [{'atEpoch': 1, 'phase': 'train', 'action': 'ablate', 'rules': ['bptt']}],"),
            "$.events[0].atEpoch", "give either atEpoch or phase and epoch, not both"),
        broken("event without a phase when there are several", MINIMAL.replace("'epochs': 5}",
            "'epochs': 5}, 'phases': [{'name': 'a'}, {'name': 'b'}], 'events': [{'action': 'ablate', 'rules': ['bptt']}]"),
            "$.events[0]", "needs atEpoch, or a phase (the scenario has 2)"),
        broken("misspelt event key", MINIMAL.replace("'seed': 17,",
            "'seed': 17, 'events': [{'atEpock': 1, 'action': 'ablate', 'rules': ['bptt']}],"),
            "$.events[0].atEpock", "unknown key for an event; did you mean 'atEpoch'?"),
        broken("summary not an object", MINIMAL.replace("'seed': 17,", "'seed': 17, 'summary': [2],"),
            "$.summary", "must be an object (got [2])"),
        broken("misspelt summary key", MINIMAL.replace("'seed': 17,", "'seed': 17, 'summary': {'atEpoch': [2]},"),
            "$.summary.atEpoch", "unknown key for summary; did you mean 'atEpochs'?"),
        broken("summary area not a boolean", MINIMAL.replace("'seed': 17,", "'seed': 17, 'summary': {'auc': 'yes'},"),
            "$.summary.auc", "must be true or false (got \"yes\")"),
        broken("summary epochs not an array", MINIMAL.replace("'seed': 17,", "'seed': 17, 'summary': {'atEpochs': 3},"),
            "$.summary.atEpochs", "must be an array of epochs counted from 1 across phases, e.g. [20, 50] (got 3)"),
        broken("summary epoch a fraction", MINIMAL.replace("'seed': 17,", "'seed': 17, 'summary': {'atEpochs': [2.5]},"),
            "$.summary.atEpochs[0]", "must be an integer (got 2.5)"),
        broken("summary epoch 0", MINIMAL.replace("'seed': 17,", "'seed': 17, 'summary': {'atEpochs': [0]},"),
            "$.summary.atEpochs[0]", "must be between 1 and 5, the scenario's epochs (got 0)"),
        broken("summary epoch after the last", MINIMAL.replace("'seed': 17,", "'seed': 17, 'summary': {'atEpochs': [2, 6]},"),
            "$.summary.atEpochs[1]", "must be between 1 and 5, the scenario's epochs (got 6)"),
        broken("summary epochs not increasing", MINIMAL.replace("'seed': 17,", "'seed': 17, 'summary': {'atEpochs': [3, 2]},"),
            "$.summary.atEpochs[1]", "must be greater than 3, the epoch before it: list each epoch once, in increasing"
                + " order (got 2)"),
        broken("summary epoch listed twice", MINIMAL.replace("'seed': 17,", "'seed': 17, 'summary': {'atEpochs': [2, 2]},"),
            "$.summary.atEpochs[1]", "must be greater than 2, the epoch before it"),
        broken("summary epoch never recorded", MINIMAL.replace("'epochs': 5", "'epochs': 100")
            .replace("'seed': 17,", "'seed': 17, 'record': {'every': 10}, 'summary': {'atEpochs': [20, 25]},"),
            "$.summary.atEpochs[1]", "must be an epoch at which every metric is recorded (got 25): record.every is 10, so"
                + " metrics are recorded at each phase's first and last epoch and at the multiples of 10; the nearest such"
                + " epochs are 20 and 30"),
        broken("summary epoch recorded only as the first of its phase nearby", MINIMAL.replace("'epochs': 5}",
            "'epochs': 5}, 'phases': [{'name': 'a'}, {'name': 'b', 'epochs': 7}], 'record': {'every': 4}, "
                + "'summary': {'atEpochs': [6, 7]}"),
            "$.summary.atEpochs[1]", "(got 7): record.every is 4, so metrics are recorded at each phase's first and last"
                + " epoch and at the multiples of 4; the nearest such epochs are 6 and 8"),
        broken("summary epoch without the held-out evaluation", MINIMAL.replace("'seed': 17,",
            "'seed': 17, 'evaluation': {'every': 3}, 'summary': {'atEpochs': [2]},"),
            "$.summary.atEpochs[0]", "(got 2): evaluation.every is 3, so test-loss and test-accuracy are recorded at each"
                + " phase's last epoch and at the multiples of 3; the nearest such epoch is 3"),
        broken("a number too large for a double where an integer is expected",
            MINIMAL.replace("'hidden': 8", "'hidden': 1e400"), "$.network.hidden", "must be an integer (got 1E+400)"),
        broken("a number too large for a double", MINIMAL.replace("'epochs': 5", "'epochs': 5, 'lossExplosion': 1e400"),
            "$.training.lossExplosion", "must be a finite number (got 1E+400)"),
        new Broken("--set of a number too large for a double", MINIMAL, List.of("training.lossExplosion=-2.5e999"),
            "$.training.lossExplosion", "must be a finite number (got -2.5E+999)"),
        new Broken("--set of a bad value", MINIMAL, List.of("training.batchSize=0"),
            "$.training.batchSize", "must be between 1 and 1000000 (got 0)"),
        new Broken("--set without '='", MINIMAL, List.of("training.batchSize"),
            "--set training.batchSize", "must be PATH=VALUE"));
  }

  private static Broken broken(String name, String text, String path, String rule) {
    return new Broken(name, text, List.of(), path, rule);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenScenarios")
  void isRejectedWithOneProblemNamingFilePathAndRule(Broken broken, @TempDir Path dir) {
    Path file = ScenarioFiles.write(dir, "broken.json", broken.text());
    ScenarioReader reader = new ScenarioReader(FakeComponents.registry());

    ScenarioException e = assertThrows(ScenarioException.class, () -> reader.read(file, broken.overrides()));

    assertEquals(1, e.problems().size(), e::getMessage);
    String start = file + ": " + broken.path();
    assertTrue(e.getMessage().lines().anyMatch(line -> line.startsWith(start) && line.contains(broken.rule())),
        () -> "expected a line starting with '" + start + "' containing '" + broken.rule() + "', got:\n"
            + e.getMessage());
    assertFalse(e.getMessage().contains("`"), "no names of Jackson's settings: " + e.getMessage());
  }

  @Test
  void invalidUtf8IsMalformedJsonAtItsPathLineAndColumn(@TempDir Path dir) throws IOException {
    String json = ScenarioFiles.json(MINIMAL).replace("demo", "d?mo");
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    text[json.indexOf("d?mo") + 1] = (byte) 0xFF;
    Path file = Files.write(dir.resolve("broken.json"), text);

    ScenarioException e = assertThrows(ScenarioException.class,
        () -> new ScenarioReader(FakeComponents.registry()).read(file, List.of()));

    assertEquals(List.of(new Problem("$.scenario (line 2, column 18)", "malformed JSON: Invalid UTF-8 start byte 0xff")),
        e.problems());
  }

  @Test
  void controlCharactersFromTheScenarioAreEscapedSoEveryProblemIsOneLine(@TempDir Path dir) {
    Path file = ScenarioFiles.write(dir, "broken.json", MINIMAL.replace("'seed': 17,", "'seed': 17, 'a\\nb': 1,")
        .replace("'fake-rule'", "'fake\\rrule'"));

    ScenarioException e = assertThrows(ScenarioException.class,
        () -> new ScenarioReader(FakeComponents.registry()).read(file, List.of()));

    assertEquals(2, e.problems().size(), e::getMessage);
    assertEquals(2, e.getMessage().lines().count(), e::getMessage);
    assertTrue(e.getMessage().contains(file + ": $['a\\u000ab']: unknown key"), e::getMessage);
    assertTrue(e.getMessage().contains("unknown learning rule 'fake\\u000drule'"), e::getMessage);
  }
}
