package org.ccsim.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Reads a JMH result file ({@code -rf json -rff results.json}) and prints, per benchmark and
 * setting of every parameter but {@code hidden}, the score at each hidden size, the allocation per
 * operation when {@code -prof gc} ran, and the exponent b of a least-squares fit
 * {@code score = a n^b} on log-log axes: how the cost grows with the state size n.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.ccsim.benchmarks.ScalingReport results.json}
 */
public final class ScalingReport {

  private ScalingReport() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ScalingReport JMH_RESULTS.json");
      System.exit(2);
    }
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    Map<String, Map<Integer, JsonNode>> series = new TreeMap<>();
    for (JsonNode result : results) {
      JsonNode params = result.path("params");
      StringBuilder key = new StringBuilder(result.get("benchmark").asText().replaceAll(".*\\.(\\w+\\.\\w+)$", "$1"));
      params.fields().forEachRemaining(p -> {
        if (!p.getKey().equals("hidden")) {
          key.append(' ').append(p.getKey()).append('=').append(p.getValue().asText());
        }
      });
      series.computeIfAbsent(key.toString(), k -> new TreeMap<>()).put(params.path("hidden").asInt(0), result);
    }
    System.out.println("| benchmark | n | score | ± | unit | B/op | fitted exponent |");
    System.out.println("|---|---:|---:|---:|---|---:|---:|");
    series.forEach((key, byHidden) -> {
      SimpleRegression fit = new SimpleRegression();
      byHidden.forEach((n, r) -> {
        if (n > 0) {
          fit.addData(Math.log(n), Math.log(r.path("primaryMetric").path("score").asDouble()));
        }
      });
      String exponent = fit.getN() >= 2 ? String.format("%.2f", fit.getSlope()) : "";
      byHidden.forEach((n, r) -> {
        JsonNode metric = r.path("primaryMetric");
        JsonNode alloc = r.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
        System.out.printf("| %s | %d | %.4g | %.2g | %s | %s | %s |%n", key, n, metric.path("score").asDouble(),
            metric.path("scoreError").asDouble(), metric.path("scoreUnit").asText(),
            alloc.isMissingNode() ? "" : String.format("%.0f", alloc.asDouble()), exponent);
      });
    });
  }
}
