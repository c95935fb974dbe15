package org.ccsim.core.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Network;
import org.ccsim.api.Optimiser;
import org.ccsim.api.Param;
import org.ccsim.api.ParamType;
import org.ccsim.api.Perturbation;
import org.ccsim.api.Range;
import org.ccsim.api.Task;
import org.ccsim.api.compute.Compute;
import org.ccsim.core.compute.JavaCompute;
import org.ccsim.core.plugin.ComponentRegistry;
import org.ccsim.core.seed.SeedTree;

/**
 * Reads a scenario file (its keys: README.md, "Scenario files"; its way to the components:
 * docs/architecture.md, "From JSON to a component"), applies {@code --set} overrides, and validates
 * everything that can be checked without building a component: JSON syntax, unknown keys, types,
 * ranges, component ids, seed. All problems are reported together in a {@link ScenarioException}.
 */
public final class ScenarioReader {

  /** The metric every rule reports. */
  public static final String LOSS = "loss";
  /** The metric the host records for every rule whose task's episodes score an accuracy ({@link org.ccsim.api.Episode#scoresAccuracy}). */
  public static final String ACCURACY = "accuracy";
  /** The metric the host records for every rule whose task has a curriculum ({@link org.ccsim.api.Task#curriculum}): the stage each batch trained at, from 1. */
  public static final String STAGE = "stage";
  /** The metric the host computes for every rule when asked: see {@code UpdateAlignment}. */
  public static final String UPDATE_ALIGNMENT = "update-alignment";
  /** The metric the host computes on the hand paths of the task's probes when asked: see {@code Dysmetria}. */
  public static final String DYSMETRIA = "dysmetria";
  /**
   * {@code training.lossExplosion} by default: every shipped scenario runs to the end with a bound of 100
   * (README.md, "Command line"), while a learning rate far too large passes 1e6 in a few batches.
   */
  static final double DEFAULT_LOSS_EXPLOSION = 1e6;

  private static final String NAME_PATTERN = "[A-Za-z0-9._-]+";
  private static final String NAME_RULE = "must contain only letters, digits, '.', '_' and '-', and not only dots";
  /** Names of rules, phases and groups: no '.', so that every --set path can reach them. */
  private static final String KEY_PATTERN = "[A-Za-z0-9_-]+";
  private static final String KEY_RULE = "must contain only letters, digits, '_' and '-' (a '.' would split --set paths)";

  private static final List<Param> TOP = List.of(
      Param.required("scenario", ParamType.STRING, Range.ANY, "name of the scenario; names its results folder"),
      Param.string("description", "", "free text"),
      Param.required("seed", ParamType.INTEGER, Range.ANY, "master seed (non-zero); every random stream derives from it"),
      Param.integer("replicates", 1, Range.between(1, 10_000), "independent repetitions with their own weights and samples"),
      Param.requiredComponent("task", Task.class, "the task"),
      Param.requiredComponent("network", Network.class, "the cortical network"),
      Param.component("compute", Compute.class, JavaCompute.ID, "backend of the dense maths (results agree across backends to 1e-12)"));

  private static final List<Param> TRAINING = List.of(
      Param.optionalInteger("epochs", Range.between(1, 10_000_000), "epochs of a scenario without phases; default epochs of a phase"),
      Param.integer("batchSize", 10, Range.between(1, 1_000_000), "episodes per batch"),
      Param.optionalInteger("batchesPerEpoch", Range.between(1, 1_000_000),
          "batches per epoch (default: one pass over a dataset's training examples; 1 for a generated task)"),
      Param.component("optimiser", Optimiser.class, "adam", "optimiser of every parameter group without its own"),
      Param.real("lossExplosion", DEFAULT_LOSS_EXPLOSION, Range.atLeast(1),
          "a (rule, replicate) whose batch loss exceeds this many times its first batch's has diverged and stops"));

  private static final List<Param> PHASE = List.of(
      Param.required("name", ParamType.STRING, Range.ANY, "name of the phase"),
      Param.optionalInteger("epochs", Range.between(1, 10_000_000), "epochs of the phase (default: training.epochs)"),
      Param.optionalComponent("perturbation", Perturbation.class, "task perturbation during the phase (none if absent)"));

  private static final List<Param> RECORD = List.of(
      Param.integer("every", 1, Range.between(1, 10_000_000), "record every this many epochs (and at the first and last epoch of each phase)"),
      Param.bool("trajectories", true, "store the outputs on the task's probes at the end of the first and last epoch of each phase"));

  private static final List<Param> EVALUATION = List.of(
      Param.integer("every", 1, Range.between(1, 10_000_000), "evaluate every this many epochs (and at the last epoch of each phase)"),
      Param.choice("split", Task.TEST, List.of(Task.TEST, Task.TRAIN),
          "the held-out episodes: a dataset's test split or its training examples; a generated task's own evaluation stream either way"),
      Param.integer("examples", 1000, Range.between(1, 10_000_000),
          "episodes per evaluation (a dataset gives its first this many examples of the split, or all it has)"));

  private static final List<Param> COMPARE = List.of(
      Param.required("leader", ParamType.STRING, Range.ANY, "the one rule that trains; the others only compute their estimates"),
      Param.integer("every", 1, Range.between(1, 10_000_000), "compare at every this many-th batch of the leader, from its first"));

  private static final List<Param> CHECKPOINT = List.of(
      Param.integer("every", 10, Range.between(0, 10_000_000),
          "each (rule, replicate) writes its checkpoint every this many epochs; 0: only when interrupted"));

  private final ComponentRegistry registry;
  /** Deepest nesting a scenario may have: real ones need under 10 levels. */
  static final int MAX_DEPTH = 64;

  /**
   * Reads user input: strict, never with polymorphic typing (see NoPolymorphicTypingTest), and keeping
   * the text of a number too large for a double ({@link UserNumbers}).
   */
  final ObjectMapper mapper = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build()).build())
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(new UserNumbers())
      .build();

  private final DataSearchPath data;

  /** A reader whose dataset folders are found on the search path of this process's environment. */
  @Inject
  public ScenarioReader(ComponentRegistry registry) {
    this(registry, DataSearchPath.fromEnvironment());
  }

  public ScenarioReader(ComponentRegistry registry, DataSearchPath data) {
    this.registry = registry;
    this.data = data;
  }

  /** This reader with {@code folders} (the command line's {@code --data}) searched first for dataset folders. */
  public ScenarioReader withDataFolders(List<Path> folders) {
    return new ScenarioReader(registry, DataSearchPath.of(folders, System.getenv()));
  }

  /**
   * Reads, overrides and validates a scenario file.
   *
   * @param file the scenario file
   * @param overrides {@code PATH=VALUE} assignments
   * @throws ScenarioException listing every problem found
   */
  public Scenario read(Path file, List<String> overrides) {
    String name = file.toString();
    List<Problem> problems = new ArrayList<>();
    JsonNode root = parse(file, problems);
    if (root != null && !root.isMissingNode() && !root.isObject()) {
      problems.add(new Problem(JsonPath.ROOT, "must be a JSON object (got " + ParameterValidator.shown(root) + ")"));
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(name, problems);
    }
    new Overrides(mapper).apply((ObjectNode) root, overrides, problems);
    if (problems.isEmpty()) {
      Sweep.expand((ObjectNode) root, problems);
    }
    Scenario scenario = problems.isEmpty() ? validate(root, file.toAbsolutePath().getParent(), problems) : null;
    if (!problems.isEmpty()) {
      throw new ScenarioException(name, problems);
    }
    return scenario;
  }

  /** Why {@code file} could not be read, in words a user acts on. */
  private static String unreadable(Path file, Throwable e) {
    if (Files.isDirectory(file)) {
      return "it is a folder, not a scenario file";
    } else if (e instanceof NoSuchFileException) {
      return "no such file";
    } else if (e instanceof AccessDeniedException) {
      return "permission denied";
    } else if (e instanceof OutOfMemoryError) {
      return "too large to read into memory";
    }
    return e.getMessage();
  }

  private JsonNode parse(Path file, List<Problem> problems) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException | OutOfMemoryError e) {
      problems.add(new Problem(JsonPath.ROOT, "cannot read the file: " + unreadable(file, e)));
      return null;
    }
    try (JsonParser parser = mapper.createParser(bytes)) {
      try {
        JsonNode root = mapper.readTree(parser);
        if (root == null || root.isMissingNode()) {
          problems.add(new Problem(JsonPath.ROOT, "the file is empty: expected a JSON object"));
        }
        return root;
      } catch (JsonProcessingException e) {
        problems.add(new Problem(where(parser), "malformed JSON: " + readable(e.getOriginalMessage())));
      }
    } catch (IOException e) {
      problems.add(new Problem(JsonPath.ROOT, "cannot read the file: " + e.getMessage()));
    }
    return null;
  }

  /** Where the parser stopped: the JSON path it was in, with line and column. */
  private static String where(JsonParser parser) {
    String path = JsonPath.fromPointer(parser.getParsingContext().pathAsPointer().toString()).toString();
    JsonLocation location = parser.currentLocation();
    return path + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** Jackson's message without the names of its settings, which a scenario's author cannot change. */
  private static String readable(String message) {
    return message.replaceAll(", from `[^`]*`\\)", ")")
        .replaceAll(" \\(bound as `[^`]*`\\)|: not allowed as per `[^`]*`|: enable `[^`]*` to allow", "")
        .replaceAll("\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
  }

  private Scenario validate(JsonNode root, Path folder, List<Problem> problems) {
    ParameterValidator validator = new ParameterValidator(registry, problems, folder, data);
    Map<String, Object> top = validator.fields(root, JsonPath.ROOT, TOP,
        Set.of("training", "rules", "phases", "events", "record", "evaluation", "summary", "checkpoint", "derivedSeeds",
            "compare", Sweep.RECORD),
        "a scenario");
    String name = (String) top.get("scenario");
    if (name != null && (!name.matches(NAME_PATTERN) || name.matches("\\.+"))) {
      problems.add(new Problem(JsonPath.ROOT.key("scenario"), NAME_RULE + " (it names the results folder)"));
    }
    Long seed = (Long) top.get("seed");
    if (seed != null && seed == 0) {
      problems.add(new Problem(JsonPath.ROOT.key("seed"), "must not be 0: choose any other integer as the master seed"));
    }

    JsonNode trainingNode = root.path("training");
    JsonPath trainingPath = JsonPath.ROOT.key("training");
    Map<String, Object> training = validator.fields(trainingNode.isMissingNode() ? mapper.createObjectNode() : trainingNode,
        trainingPath, TRAINING, Set.of("groupOptimisers", "clipGlobalNorm"), "training");
    Map<String, Config> groupOptimisers = namedComponents(validator, root.path("training").path("groupOptimisers"),
        trainingPath.key("groupOptimisers"), Optimiser.class, false, problems);
    Scenario.GlobalClip clip = globalClip(root.path("training").path("clipGlobalNorm"),
        trainingPath.key("clipGlobalNorm"), problems);
    Map<String, Config> rules = namedComponents(validator, root.path("rules"), JsonPath.ROOT.key("rules"),
        LearningRule.class, true, problems);
    List<Scenario.Phase> phases = phases(validator, root.path("phases"), (Long) training.get("epochs"), problems);
    List<Scenario.Event> events = new EventReader(registry, problems).read(validator, root.path("events"), phases, rules);
    Map<String, Map<String, Object>> swept = Sweep.read(root.path(Sweep.RECORD), rules, problems);
    Scenario.Evaluation evaluation = evaluation(validator, root.path("evaluation"));
    Scenario.Compare compare = compare(validator, root.path("compare"), rules, problems);
    Scenario.Recording record = recording(validator, root.path("record"), metricsOf(rules), evaluation, problems);
    Scenario.SummaryMeasures summary =
        new SummaryReader(problems).read(validator, root.path("summary"), phases, record);
    JsonNode checkpointNode = root.path("checkpoint");
    Map<String, Object> checkpoint = validator.fields(checkpointNode.isMissingNode() ? mapper.createObjectNode()
        : checkpointNode, JsonPath.ROOT.key("checkpoint"), CHECKPOINT, Set.of(), "checkpoint");
    if (seed != null && seed != 0) {
      checkDerivedSeeds(root.path("derivedSeeds"), seed, problems);
    }
    if (!problems.isEmpty()) {
      return null;
    }
    Scenario.Training trainingRecord = new Scenario.Training(
        ((Long) training.get("batchSize")).intValue(),
        training.get("batchesPerEpoch") == null ? Scenario.Training.ONE_PASS : ((Long) training.get("batchesPerEpoch")).intValue(),
        (Config) training.get("optimiser"), groupOptimisers, clip, (Double) training.get("lossExplosion"));
    return new Scenario(name, (String) top.get("description"), seed, ((Long) top.get("replicates")).intValue(),
        (Config) top.get("task"), (Config) top.get("network"), (Config) top.get("compute"), trainingRecord, rules,
        phases, events, record, summary, ((Long) checkpoint.get("every")).intValue(), swept, compare);
  }

  /** {@code {"maxNorm": > 0, "groups": [distinct group names]}}, or {@code null} when absent. */
  private static Scenario.GlobalClip globalClip(JsonNode node, JsonPath path, List<Problem> problems) {
    if (node.isMissingNode()) {
      return null;
    }
    if (!node.isObject()) {
      problems.add(new Problem(path, "must be an object {\"maxNorm\": ..., \"groups\": [...]}"));
      return null;
    }
    int before = problems.size();
    node.fieldNames().forEachRemaining(name -> {
      if (!name.equals("maxNorm") && !name.equals("groups")) {
        problems.add(new Problem(path.key(name), "unknown key; clipGlobalNorm takes maxNorm and groups"));
      }
    });
    JsonNode maxNorm = node.path("maxNorm");
    if (!maxNorm.isNumber() || !(maxNorm.asDouble() > 0) || Double.isInfinite(maxNorm.asDouble())) {
      problems.add(new Problem(path.key("maxNorm"), "must be a finite number above 0 (got " + maxNorm + ")"));
    }
    JsonNode groups = node.path("groups");
    List<String> names = new ArrayList<>();
    if (!groups.isArray() || groups.isEmpty()) {
      problems.add(new Problem(path.key("groups"), "must be a non-empty array of parameter group names"));
    } else {
      for (int i = 0; i < groups.size(); i++) {
        if (!groups.get(i).isTextual() || names.contains(groups.get(i).asText())) {
          problems.add(new Problem(path.key("groups").index(i), "must be a group name, each named once"));
        }
        names.add(groups.get(i).asText());
      }
    }
    return problems.size() == before ? new Scenario.GlobalClip(maxNorm.asDouble(), names) : null;
  }

  /** An object whose members are components of one kind, keyed by names the scenario chooses. */
  private Map<String, Config> namedComponents(ParameterValidator validator, JsonNode node, JsonPath path,
      Class<?> kind, boolean required, List<Problem> problems) {
    Map<String, Config> components = new LinkedHashMap<>();
    if (node.isMissingNode() && !required) {
      return components;
    }
    String what = ComponentRegistry.kindName(kind) + "s";
    if (!node.isObject() || node.isEmpty()) {
      problems.add(new Problem(path, (node.isMissingNode() ? "is required" : "must be a non-empty object")
          + ": names mapped to " + what + ", e.g. {\"bptt\": {\"type\": \"bptt\"}}"));
      return components;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      if (!member.getKey().matches(KEY_PATTERN)) {
        problems.add(new Problem(path.key(member.getKey()), "the name " + KEY_RULE));
      }
      Config config = validator.component(member.getValue(), path.key(member.getKey()), kind);
      if (config != null) {
        components.put(member.getKey(), config);
      }
    }
    return components;
  }

  private List<Scenario.Phase> phases(ParameterValidator validator, JsonNode node, Long defaultEpochs,
      List<Problem> problems) {
    JsonPath path = JsonPath.ROOT.key("phases");
    List<Scenario.Phase> phases = new ArrayList<>();
    if (node.isMissingNode()) {
      if (defaultEpochs == null) {
        problems.add(new Problem(JsonPath.ROOT.key("training").key("epochs"), "is required when there are no phases"));
      } else {
        phases.add(new Scenario.Phase("train", defaultEpochs.intValue(), null));
      }
      return phases;
    }
    if (!node.isArray() || node.isEmpty()) {
      problems.add(new Problem(path, "must be a non-empty array of {\"name\": ..., \"epochs\": ...}"));
      return phases;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      JsonPath at = path.index(i);
      Map<String, Object> phase = validator.fields(node.get(i), at, PHASE, Set.of(), "a phase");
      String name = (String) phase.get("name");
      if (name != null && !name.matches(KEY_PATTERN)) {
        problems.add(new Problem(at.key("name"), KEY_RULE));
      } else if (name != null && !names.add(name)) {
        problems.add(new Problem(at.key("name"), "must be unique ('" + name + "' is used twice)"));
      }
      Long epochs = phase.containsKey("epochs") ? (Long) phase.get("epochs") : defaultEpochs;
      if (epochs == null) {
        problems.add(new Problem(at.key("epochs"), "is required (or set $.training.epochs as the default)"));
      } else if (name != null) {
        phases.add(new Scenario.Phase(name, epochs.intValue(), (Config) phase.get("perturbation")));
      }
    }
    return phases;
  }

  /**
   * The host's metrics ({@code loss}, {@code accuracy}, {@code update-alignment}, {@code dysmetria}, {@code stage}), then
   * every metric the scenario's rules declare, in order.
   */
  private List<String> metricsOf(Map<String, Config> rules) {
    Set<String> metrics = new java.util.LinkedHashSet<>(List.of(LOSS, ACCURACY, UPDATE_ALIGNMENT, DYSMETRIA, STAGE));
    for (Config rule : rules.values()) {
      registry.find(rule.type()).map(e -> (LearningRuleType) e.type())
          .ifPresent(type -> metrics.addAll(new java.util.TreeSet<>(type.metrics().keySet())));
    }
    return List.copyOf(metrics);
  }

  /** The {@code compare} block, or {@code null} when the scenario has none; its leader must be one of {@code rules}. */
  private static Scenario.Compare compare(ParameterValidator validator, JsonNode node, Map<String, Config> rules,
      List<Problem> problems) {
    if (node.isMissingNode()) {
      return null;
    }
    JsonPath path = JsonPath.ROOT.key("compare");
    Map<String, Object> fields = validator.fields(node, path, COMPARE, Set.of(), "compare");
    String leader = (String) fields.get("leader");
    Long every = (Long) fields.get("every");
    if (leader != null && !rules.isEmpty() && !rules.containsKey(leader)) {
      problems.add(new Problem(path.key("leader"), "must name one of the scenario's rules " + rules.keySet()
          + " (got '" + leader + "')"));
    }
    return leader == null || every == null ? null : new Scenario.Compare(leader, every.intValue());
  }

  /** The {@code evaluation} block, or {@code null} when the scenario has none. */
  private static Scenario.Evaluation evaluation(ParameterValidator validator, JsonNode node) {
    if (node.isMissingNode()) {
      return null;
    }
    Map<String, Object> fields = validator.fields(node, JsonPath.ROOT.key("evaluation"), EVALUATION, Set.of(), "evaluation");
    Long every = (Long) fields.get("every");
    Long examples = (Long) fields.get("examples");
    String split = (String) fields.get("split");
    return every == null || examples == null || split == null ? null
        : new Scenario.Evaluation(every.intValue(), split, examples.intValue());
  }

  private Scenario.Recording recording(ParameterValidator validator, JsonNode node, List<String> known,
      Scenario.Evaluation evaluation, List<Problem> problems) {
    JsonPath path = JsonPath.ROOT.key("record");
    Map<String, Object> fields = validator.fields(node.isMissingNode() ? mapper.createObjectNode() : node, path,
        RECORD, Set.of("metrics"), "record");
    List<String> metrics = new ArrayList<>();
    JsonNode list = node.path("metrics");
    if (list.isMissingNode()) {
      metrics.add(LOSS);
    } else if (!list.isArray() || list.isEmpty()) {
      problems.add(new Problem(path.key("metrics"), "must be a non-empty array of metric names, from " + known));
    } else {
      for (int i = 0; i < list.size(); i++) {
        JsonNode metric = list.get(i);
        if (!metric.isTextual() || !known.contains(metric.textValue())) {
          problems.add(new Problem(path.key("metrics").index(i), "must be one of " + known
              + ", the metrics of this scenario's rules (got " + ParameterValidator.shown(metric) + ")"));
        } else if (!metrics.contains(metric.textValue())) {
          metrics.add(metric.textValue());
        }
      }
    }
    Long every = (Long) fields.get("every");
    Boolean trajectories = (Boolean) fields.get("trajectories");
    return new Scenario.Recording(every == null ? 1 : every.intValue(), metrics, trajectories == null || trajectories,
        evaluation);
  }

  /**
   * {@code derivedSeeds}, as a resolved scenario carries them, are informational; when present they
   * must match what the master seed derives, or the file was edited inconsistently.
   */
  private static void checkDerivedSeeds(JsonNode node, long seed, List<Problem> problems) {
    if (node.isMissingNode()) {
      return;
    }
    JsonPath path = JsonPath.ROOT.key("derivedSeeds");
    if (!node.isObject()) {
      problems.add(new Problem(path, "must be an object of seed paths to seeds"));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      SeedTree tree = new SeedTree(seed);
      for (String segment : member.getKey().split("/")) {
        tree = segment.isEmpty() ? tree : tree.child(segment);
      }
      JsonNode given = member.getValue();
      if (!given.canConvertToLong() || given.longValue() != tree.seed()) {
        problems.add(new Problem(path.key(member.getKey()), "does not match master seed " + seed
            + " (expected " + tree.seed() + ", got " + ParameterValidator.shown(given) + ")"));
      }
    }
  }
}
