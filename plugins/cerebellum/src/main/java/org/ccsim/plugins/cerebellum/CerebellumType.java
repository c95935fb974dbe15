package org.ccsim.plugins.cerebellum;

import java.util.List;
import java.util.Locale;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Param;
import org.ccsim.api.Range;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.SynthesiserType;
import org.pf4j.Extension;

/**
 * The component {@code cerebellum}: see {@link CerebellumSynthesiser}. Its mossy-fibre wiring is
 * drawn from the stream {@code mossy-fibres} when it is built; its weights from the stream the
 * rule hands {@link Synthesiser#initialParameters}.
 */
@Extension
public final class CerebellumType implements SynthesiserType {

  /** What the JVM keeps per array besides its elements (a compressed header and the length). */
  private static final int ARRAY_HEADER_BYTES = 16;

  @Override
  public String id() {
    return "cerebellum";
  }

  @Override
  public String description() {
    return "cerebellar synthesiser (ALGORITHMS §4): g = W_pc phi(W_mg h + b_g) + b_pc, sparse fixed random"
        + " granule expansion, zero-initialised Purkinje readout (Pemberton et al. 2021; Boven et al. 2023)";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.integer("expansion", 10, Range.between(1, 10_000), "r: the granule layer has N_gc = r n cells"),
        Param.optionalInteger("fanIn", Range.between(1, 100_000),
            "f: mossy fibres (cortical units) reaching each granule cell, at most n; absent: all n"),
        Param.real("weightScale", 1.0, Range.greaterThan(0),
            "mossy-fibre weights W_mg are drawn N(0, weightScale^2 / f) on each cell's f fibres"),
        Param.real("granuleBias", 0.0, Range.ANY,
            "initial b_g of every granule cell; a cell fires when W_mg h > -b_g"),
        Param.choice("nonlinearity", "relu", List.of("relu", "threshold"),
            "granule output phi(a): relu max(0, a), or threshold 1[a > 0] (binary cells)"),
        Param.choice("plasticity", "purkinje", List.of("purkinje", "all"),
            "purkinje: only W_pc, b_pc learn (Marr-Albus-Ito); all: W_mg (its synapses only) and b_g learn too"));
  }

  @Override
  public Synthesiser create(Config config, BuildContext context) {
    int n = context.network().hiddenSize();
    int fanIn = config.has("fanIn") ? config.integer("fanIn") : n;
    if (fanIn > n) {
      throw new ConfigException("fanIn", "must be at most the network's " + n + " units (got " + fanIn + ")");
    }
    GranuleNonlinearity nonlinearity = GranuleNonlinearity.valueOf(config.string("nonlinearity").toUpperCase(Locale.ROOT));
    boolean allPlastic = config.string("plasticity").equals("all");
    if (allPlastic && nonlinearity == GranuleNonlinearity.THRESHOLD) {
      throw new ConfigException("plasticity", "'all' needs relu granule cells: a threshold cell passes no gradient"
          + " to its mossy-fibre weights");
    }
    long cells = (long) config.integer("expansion") * n;
    double granule = (double) cells * n + cells;
    double purkinje = (double) n * cells + n;
    context.reserveParameters("synthesiser parameters W_mg, b_g, W_pc, b_pc of " + cells + " granule cells (expansion "
        + config.integer("expansion") + " x n " + n + ")", allPlastic ? granule + purkinje : purkinje,
        allPlastic ? 0 : granule);
    context.reserveMemory("mossy-fibre wiring (" + cells + " granule cells x fan-in " + fanIn + " ints)",
        cells * (Integer.BYTES * (double) fanIn + ARRAY_HEADER_BYTES));
    long weights = cells * n;
    if (weights > Integer.MAX_VALUE) {
      throw new ConfigException("expansion", "gives " + weights + " mossy-fibre weights (expansion x n x n), more than"
          + " an array holds (" + Integer.MAX_VALUE + "): choose a smaller expansion");
    }
    MossyFibres fibres = MossyFibres.draw(config.integer("expansion") * n, n, fanIn, context.random("mossy-fibres"));
    return new CerebellumSynthesiser(fibres, new CerebellumSynthesiser.Settings(config.real("weightScale"),
        config.real("granuleBias"), nonlinearity, allPlastic), context.compute());
  }
}
