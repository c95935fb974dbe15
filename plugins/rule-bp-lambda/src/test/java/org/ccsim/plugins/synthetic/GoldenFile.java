package org.ccsim.plugins.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.Tensor;

/**
 * One golden trajectory of the reference implementation, read as {@code golden/README.md} lays it
 * out, with the keys {@code docs/golden.md} adds for files recorded from the reference's LSTM
 * ({@code config.network}).
 */
record GoldenFile(String name, JsonNode root) {

  static final String WEIGHT = "input_trigger.weight";
  static final String BIAS = "input_trigger.bias";
  /** {@code config.network} of the reference's RNN (also when the key is absent). */
  static final String RNN = "rnn";
  /** {@code config.network} of the reference's LSTM: the state is {@code [h; c]}, 2 x hidden values. */
  static final String LSTM = "lstm";
  static final String TANH = "tanh";
  static final String IDENTITY = "identity";

  /** Every {@code golden/*.json} on the test class path, sorted by name. */
  static List<GoldenFile> all() {
    URL folder = GoldenFile.class.getResource("/golden");
    if (folder == null) {
      throw new IllegalStateException("no golden/ folder among the test resources");
    }
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      List<GoldenFile> out = new ArrayList<>();
      for (Path p : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        out.add(new GoldenFile(p.getFileName().toString(), new ObjectMapper().readTree(p.toFile())));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy with {@code config.<key>} set to {@code value}, named after the change (for tests of the layout). */
  GoldenFile withConfig(String key, Object value) {
    JsonNode copy = root.deepCopy();
    ((ObjectNode) copy.get("config")).set(key, new ObjectMapper().valueToTree(value));
    return new GoldenFile(name + " with config." + key + " = " + value, copy);
  }

  @Override
  public String toString() {
    return name;
  }

  JsonNode config() {
    return root.get("config");
  }

  int hidden() {
    return config().get("hidden").asInt();
  }

  int inputs() {
    return config().get("input").asInt();
  }

  int outputs() {
    return config().get("output").asInt();
  }

  /** {@code config.network}: {@link #RNN} when absent, else {@link #RNN} or {@link #LSTM}. */
  String network() {
    return choice("network", RNN, RNN, LSTM);
  }

  boolean lstm() {
    return network().equals(LSTM);
  }

  /**
   * The size of the state the synthesiser sees and {@code J} acts on: {@code hidden} for the RNN,
   * {@code 2 hidden} ({@code [h; c]}) for the LSTM.
   */
  int state() {
    return lstm() ? 2 * hidden() : hidden();
  }

  /** {@code config.non_lin}: {@link #TANH} or {@link #IDENTITY}, the README's default when absent. */
  String nonlinearity() {
    return choice("non_lin", IDENTITY, TANH, IDENTITY);
  }

  private String choice(String key, String absent, String... allowed) {
    String value = config().path(key).asText(absent);
    if (!List.of(allowed).contains(value)) {
      throw new IllegalArgumentException(name + ": config." + key + " must be one of " + List.of(allowed) + " (got \""
          + value + "\")");
    }
    return value;
  }

  int batch() {
    return config().get("batch").asInt();
  }

  double lambda() {
    return config().get("lam").asDouble();
  }

  double gamma() {
    return config().get("gamma").asDouble();
  }

  double sgWeight() {
    return config().get("sg_weight").asDouble();
  }

  /** Plain SGD at every step ({@code alpha_learning}), or Adam once per sequence. */
  boolean sgdEveryStep() {
    return config().get("alpha_learning").asBoolean();
  }

  double sgdStep() {
    return config().get("synth_alpha").asDouble();
  }

  double adamRate() {
    return config().get("lr_synth").asDouble();
  }

  JsonNode initial() {
    return root.get("initial_params");
  }

  /** The recorded sequences, at least one: a loop over them is never empty. */
  List<JsonNode> sequences() {
    List<JsonNode> out = new ArrayList<>();
    root.get("sequences").forEach(out::add);
    if (out.isEmpty()) {
      throw new IllegalStateException(name + ": no sequences");
    }
    return out;
  }

  /** The synthesiser's initial weights as the linear synthesiser's theta (W_s, b_s), on the whole state. */
  ParameterSet initialTheta() {
    int n = state();
    return new ParameterSet(List.of(
        new Tensor("W_s", Synthesiser.TRAINED, n, n, values(initial().get("synthesiser." + WEIGHT))),
        new Tensor("b_s", Synthesiser.TRAINED, n, 1, values(initial().get("synthesiser." + BIAS)))));
  }

  /** A synthesiser weight record ({@code synth_weights_*}) flattened as W_s then b_s. */
  static double[] synthWeights(JsonNode node) {
    return concat(values(node.get(WEIGHT)), values(node.get(BIAS)));
  }

  /** All numbers of a (nested) array, row-major; null for a JSON null. */
  static double[] values(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    List<Double> out = new ArrayList<>();
    collect(node, out);
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static void collect(JsonNode node, List<Double> out) {
    if (node.isArray()) {
      node.forEach(child -> collect(child, out));
    } else if (node.isNumber()) {
      out.add(node.asDouble());
    } else {
      throw new IllegalArgumentException("not a number: " + node);
    }
  }

  /** Row b of a B x ... array, flattened. */
  static double[] row(JsonNode node, int b) {
    return values(node.get(b));
  }

  static double[] concat(double[] a, double[] b) {
    double[] out = new double[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
