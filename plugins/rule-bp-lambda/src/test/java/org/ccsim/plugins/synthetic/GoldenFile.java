package org.ccsim.plugins.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** One golden trajectory of the reference implementation (see {@code golden/README.md}). */
record GoldenFile(String name, JsonNode root) {

  static final String WEIGHT = "input_trigger.weight";
  static final String BIAS = "input_trigger.bias";

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

  List<JsonNode> sequences() {
    List<JsonNode> out = new ArrayList<>();
    root.get("sequences").forEach(out::add);
    return out;
  }

  /** The synthesiser's initial weights as the linear synthesiser's theta (W_s, b_s). */
  ParameterSet initialTheta() {
    int n = hidden();
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
