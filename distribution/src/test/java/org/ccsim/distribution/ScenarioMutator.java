package org.ccsim.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Turns a valid scenario into a hostile one: drops, duplicates, renames and retypes keys, puts
 * extreme and non-finite numbers, deep nesting or huge arrays in place of values, then possibly
 * breaks the bytes (invalid UTF-8, truncation, stray syntax). Text that a JSON tree cannot hold
 * (duplicate keys, {@code NaN}, nesting beyond the parser's limit) goes in through markers
 * replaced after serialisation. Everything is drawn from the generator given, so a seed fixes
 * every case.
 */
final class ScenarioMutator {

  /** What was done to a scenario; a combination is tallied under {@link #COMBINATION}. */
  enum Kind {
    DROP_KEY, DUPLICATE_KEY, RENAME_KEY, RETYPE, EXTREME_NUMBER, NON_FINITE, DEEP_NESTING, HUGE_ARRAY,
    INVALID_UTF8, TRUNCATION, SYNTAX_NOISE, COMBINATION
  }

  /** One hostile case: its bytes and a description of how it was made. */
  record Case(Kind kind, String description, byte[] bytes) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** The kinds applied alone; all but the last (huge arrays, costly) also in combinations. */
  private static final Kind[] SINGLE = {Kind.DROP_KEY, Kind.DUPLICATE_KEY, Kind.RENAME_KEY, Kind.RETYPE,
      Kind.EXTREME_NUMBER, Kind.NON_FINITE, Kind.DEEP_NESTING, Kind.INVALID_UTF8, Kind.TRUNCATION, Kind.SYNTAX_NOISE,
      Kind.HUGE_ARRAY};
  /** Relative frequency of each of {@link #SINGLE} then {@link Kind#COMBINATION}. */
  private static final int[] WEIGHTS = {10, 8, 6, 14, 14, 6, 4, 6, 6, 6, 1, 19};
  private static final String[] EXTREMES = {"0", "-1", "1", "-0.0", "0.5", "1e9", "2147483647", "2147483648",
      "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e308", "-1e308",
      "1e400", "-1e400", "1e-320", "4.9e-324", "123456789012345678901234567890", "100000", "1000000", "10000000",
      "1" + "0".repeat(1200), "0." + "3".repeat(1200)};
  private static final String[] NON_FINITE = {"NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "inf", "+1"};
  private static final int[] DEPTHS = {100, 499, 500, 501, 999, 1000, 1001, 5000, 100_000};
  private static final int[] HUGE = {100_000, 1_000_000};
  private static final String[] IDS = {"bptt", "bp-lambda", "dni", "tanh-rnn", "line-drawing", "reaching", "adam",
      "sgd", "clip-norm", "cerebellum", "linear", "mlp", "rotation", "java", "openblas", "nope", ""};
  private static final String[] KEYS = {"", " ", "a.b", "$", "'", "[0]", "type", "seed", "\u00e9t\u00e9", "\ud83d\ude00",
      "x".repeat(300), "a/b", "~0"};
  private static final byte[][] BAD_UTF8 = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0,
      (byte) 0x80}, {(byte) 0xF5}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xC3}, {(byte) 0xF0, (byte) 0x90, (byte) 0x80},
      {(byte) 0xE2, (byte) 0x82}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {0}};
  private static final String NOISE = "{}[],:\"\\/'#\t\n\u0001 ";

  private final RandomGenerator random;

  ScenarioMutator(RandomGenerator random) {
    this.random = random;
  }

  /** One mutated copy of {@code scenario}. */
  Case mutate(JsonNode scenario) {
    Kind kind = pick();
    ObjectNode tree = scenario.deepCopy();
    Markers markers = new Markers();
    List<String> done = new ArrayList<>();
    if (kind == Kind.COMBINATION) {
      int count = 2 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        done.add(apply(SINGLE[random.nextInt(SINGLE.length - 1)], tree, markers)); // no huge arrays: costly
      }
    } else {
      done.add(apply(kind, tree, markers));
    }
    return new Case(kind, String.join(" + ", done), markers.bytes(tree, random, done));
  }

  private Kind pick() {
    int total = 0;
    for (int weight : WEIGHTS) {
      total += weight;
    }
    int draw = random.nextInt(total);
    for (int i = 0; i < WEIGHTS.length; i++) {
      draw -= WEIGHTS[i];
      if (draw < 0) {
        return i < SINGLE.length ? SINGLE[i] : Kind.COMBINATION;
      }
    }
    throw new AssertionError();
  }

  /** Applies a tree mutation now; a byte mutation is queued for after serialisation. */
  private String apply(Kind kind, ObjectNode tree, Markers markers) {
    List<Slot> slots = slots(tree);
    Slot slot = slots.get(random.nextInt(slots.size()));
    switch (kind) {
      case DROP_KEY -> {
        List<Slot> members = slots.stream().filter(s -> s.key != null).toList();
        Slot member = members.get(random.nextInt(members.size()));
        ((ObjectNode) member.parent).remove(member.key);
        return "drop " + member.where;
      }
      case DUPLICATE_KEY -> {
        List<Slot> members = slots.stream().filter(s -> s.key != null).toList();
        Slot member = members.get(random.nextInt(members.size()));
        JsonNode copy = random.nextBoolean() ? member.parent.get(member.key) : randomValue();
        ((ObjectNode) member.parent).set(markers.duplicateOf(member.key), copy);
        return "duplicate " + member.where;
      }
      case RENAME_KEY -> {
        List<Slot> members = slots.stream().filter(s -> s.key != null).toList();
        Slot member = members.get(random.nextInt(members.size()));
        String name = KEYS[random.nextInt(KEYS.length)];
        JsonNode value = member.parent.get(member.key);
        ((ObjectNode) member.parent).remove(member.key);
        ((ObjectNode) member.parent).set(name, value);
        return "rename " + member.where + " to '" + name + "'";
      }
      case RETYPE -> {
        JsonNode value = randomValue();
        slot.set(value);
        return "retype " + slot.where + " to " + abbreviate(value.toString());
      }
      case EXTREME_NUMBER -> {
        List<Slot> numbers = slots.stream().filter(s -> s.value().isNumber()).toList();
        Slot target = numbers.isEmpty() || random.nextInt(4) == 0 ? slot : numbers.get(random.nextInt(numbers.size()));
        String number = EXTREMES[random.nextInt(EXTREMES.length)];
        target.set(markers.raw(number));
        return "number " + target.where + " = " + abbreviate(number);
      }
      case NON_FINITE -> {
        String token = NON_FINITE[random.nextInt(NON_FINITE.length)];
        slot.set(markers.raw(token));
        return "token " + slot.where + " = " + token;
      }
      case DEEP_NESTING -> {
        int depth = DEPTHS[random.nextInt(DEPTHS.length)];
        boolean arrays = random.nextBoolean();
        String nested = arrays ? "[".repeat(depth) + "1" + "]".repeat(depth)
            : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        slot.set(markers.raw(nested));
        return "nest " + slot.where + " " + depth + (arrays ? " arrays" : " objects");
      }
      case HUGE_ARRAY -> {
        int size = HUGE[random.nextInt(HUGE.length)];
        JsonNode element = slot.value().isArray() && !slot.value().isEmpty() ? slot.value().get(0) : randomScalar();
        String text = element.toString().length() <= 200 ? element.toString() : "0"; // at most 200 MB
        StringBuilder huge = new StringBuilder(size * (text.length() + 1) + 2).append('[');
        for (int i = 0; i < size; i++) {
          huge.append(i == 0 ? "" : ",").append(text);
        }
        slot.set(markers.raw(huge.append(']').toString()));
        return "array " + slot.where + " of " + size + " x " + abbreviate(text);
      }
      case INVALID_UTF8, TRUNCATION, SYNTAX_NOISE -> {
        markers.later.add(kind);
        return kind.name().toLowerCase();
      }
      default -> throw new AssertionError(kind);
    }
  }

  private JsonNode randomValue() {
    return switch (random.nextInt(8)) {
      case 0 -> NODES.arrayNode();
      case 1 -> NODES.arrayNode().add(1).add("a").addNull();
      case 2 -> NODES.objectNode();
      case 3, 4 -> NODES.objectNode().put("type", IDS[random.nextInt(IDS.length)]);
      default -> randomScalar();
    };
  }

  private JsonNode randomScalar() {
    return switch (random.nextInt(8)) {
      case 0 -> NODES.textNode("text");
      case 1 -> NODES.textNode("");
      case 2 -> NODES.textNode("x".repeat(100_000));
      case 3 -> NODES.numberNode(random.nextInt(-3, 40));
      case 4 -> NODES.numberNode(random.nextDouble(-2, 2));
      case 5 -> NODES.booleanNode(random.nextBoolean());
      case 6 -> NODES.nullNode();
      default -> NODES.textNode(IDS[random.nextInt(IDS.length)]);
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  /** Every value in the tree but the root, with where it sits. */
  private static List<Slot> slots(JsonNode root) {
    List<Slot> slots = new ArrayList<>();
    collect(root, "$", slots);
    return slots;
  }

  private static void collect(JsonNode node, String where, List<Slot> slots) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        String at = where + "." + member.getKey();
        slots.add(new Slot(node, member.getKey(), -1, at));
        collect(member.getValue(), at, slots);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String at = where + "[" + i + "]";
        slots.add(new Slot(node, null, i, at));
        collect(node.get(i), at, slots);
      }
    }
  }

  /** A place holding a value: a member of an object or an element of an array. */
  private record Slot(JsonNode parent, String key, int index, String where) {

    JsonNode value() {
      return key != null ? parent.get(key) : parent.get(index);
    }

    void set(JsonNode value) {
      if (key != null) {
        ((ObjectNode) parent).set(key, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }
  }

  /** Raw text and duplicate keys the tree stands in for, and the byte mutations still to apply. */
  private static final class Markers {
    private final Map<String, String> replacements = new HashMap<>();
    private final List<Kind> later = new ArrayList<>();

    JsonNode raw(String text) {
      String marker = "@@raw" + replacements.size() + "@@";
      replacements.put("\"" + marker + "\"", text);
      return NODES.textNode(marker);
    }

    String duplicateOf(String key) {
      String marker = "@@dup" + replacements.size() + "@@";
      replacements.put("\"" + marker + "\"", NODES.textNode(key).toString());
      return marker;
    }

    byte[] bytes(JsonNode tree, RandomGenerator random, List<String> done) {
      String text = tree.toPrettyString();
      for (Map.Entry<String, String> replacement : replacements.entrySet()) {
        text = text.replace(replacement.getKey(), replacement.getValue());
      }
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      for (Kind kind : later) {
        if (bytes.length == 0) {
          break;
        }
        bytes = switch (kind) {
          case INVALID_UTF8 -> insertInvalidUtf8(bytes, random, done);
          case TRUNCATION -> truncate(bytes, random, done);
          default -> noise(bytes, random, done);
        };
      }
      return bytes;
    }

    private static byte[] insertInvalidUtf8(byte[] bytes, RandomGenerator random, List<String> done) {
      byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
      int at = random.nextInt(bytes.length + 1);
      if (random.nextBoolean()) { // inside a string, where a decoder meets it
        for (int i = at; i < bytes.length; i++) {
          if (bytes[i] == '"') {
            at = i + 1;
            break;
          }
        }
      }
      done.add("bytes " + hex(bad) + " at " + at);
      return splice(bytes, at, 0, bad);
    }

    private static byte[] truncate(byte[] bytes, RandomGenerator random, List<String> done) {
      int length = random.nextInt(bytes.length);
      done.add("cut at " + length + " of " + bytes.length);
      return java.util.Arrays.copyOf(bytes, length);
    }

    private static byte[] noise(byte[] bytes, RandomGenerator random, List<String> done) {
      int at = random.nextInt(bytes.length);
      byte[] inserted = {(byte) NOISE.charAt(random.nextInt(NOISE.length()))};
      int removed = random.nextInt(3) == 0 ? 1 : 0;
      done.add((removed == 1 ? "replace" : "insert") + " " + hex(inserted) + " at " + at);
      return splice(bytes, at, removed, inserted);
    }

    private static byte[] splice(byte[] bytes, int at, int removed, byte[] inserted) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
      out.write(bytes, 0, at);
      out.write(inserted, 0, inserted.length);
      out.write(bytes, at + removed, bytes.length - at - removed);
      return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
      StringBuilder text = new StringBuilder();
      for (byte b : bytes) {
        text.append(String.format("%02X", b & 0xFF));
      }
      return text.toString();
    }
  }

  /** Parses a base scenario. */
  static JsonNode parse(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("base scenario is not JSON", e);
    }
  }
}
