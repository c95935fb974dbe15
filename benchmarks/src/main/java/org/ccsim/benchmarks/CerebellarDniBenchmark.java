package org.ccsim.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.ccsim.api.Config;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.Task;
import org.ccsim.api.TrainingContext;
import org.ccsim.api.compute.Compute;
import org.ccsim.core.optim.AdamType;
import org.ccsim.plugins.motor.LineDrawingType;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.plugins.synthesisers.MlpSynthesiserType;
import org.ccsim.plugins.synthetic.dni.DniType;
import org.ccsim.testkit.DiscardingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training batch of ccDNI's line-drawing model (Boven et al. 2023; the settings of
 * {@code scenarios/cc-line-drawing.json}): a tanh cortex of 50 units, {@code dni} with K = 1 and
 * s = 0.1, and the MLP synthesiser of two hidden layers of 400, all trained; B = 50 episodes of
 * T = 10 steps, ccDNI's predictions at both ends of the episode included. An epoch is 16 such
 * batches. The synthesiser's work per batch is, per example, 10 injections (a forward pass,
 * {@code 2 (n w + w^2 + w n)} = 400,000 FLOP with n = 50, w = 400) and 10 trained predictions (a
 * forward pass and the backward pass, {@code 2 (n w + w^2 + w n) + 2 (2 n w + 2 w^2 + w n)} =
 * 1,160,000 FLOP): {@code B (10 x 400,000 + 10 x 1,160,000) = 0.78 GFLOP}; GFLOP/s = 0.78 / (ms per
 * batch / 1000), to be read against {@link DgemmBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class CerebellarDniBenchmark {

  static final int STEPS = 10;
  static final int BATCH = 50;

  @Param({"java", "openblas"})
  String backend;

  private LearningRule dni;
  private List<Episode> batch;
  private TrainingContext context;

  @Setup
  public void setUp() {
    LineDrawingType lineDrawing = new LineDrawingType();
    Task task = lineDrawing.create(TestConfigs.of(lineDrawing, "steps", STEPS, "stayClass", true, "cue", "scalar",
        "timing", "ccdni", "targetEvery", 2), new TestBuildContext(1));
    Compute compute = Backends.create(backend);
    TanhRnnType rnn = new TanhRnnType();
    Network network = rnn.create(TestConfigs.of(rnn, "hidden", 50, "init", "pytorch"),
        new TestBuildContext(2, task, null, compute));
    RandomGenerator random = TestBuildContext.random(3);
    batch = new ArrayList<>();
    for (int i = 0; i < BATCH; i++) {
      batch.add(task.sample(random));
    }
    DniType dniType = new DniType();
    MlpSynthesiserType mlp = new MlpSynthesiserType();
    AdamType adam = new AdamType();
    Config ruleConfig = TestConfigs.of(dniType, "sgWeight", 0.1, "injectAtEnd", true, "trainInitialPrediction", true,
        "synthesiser", TestConfigs.of(mlp, "hidden", 400, "layers", 2, "init", "pytorch", "zeroInputLayer", true),
        "synthOptimiser", TestConfigs.of(adam, "beta2", 0.98, "eps", 1e-9));
    TestBuildContext ruleContext = new TestBuildContext(4, task, network, List.of(mlp, adam), compute)
        .withBatchSize(BATCH);
    dni = dniType.create(ruleConfig, ruleContext);
    context = new DiscardingTrainingContext(network.initialParameters(random),
        ruleContext.trainedGroups(ruleConfig));
  }

  @Benchmark
  public LearningRule dniBatch() {
    dni.train(batch, context);
    return dni;
  }
}
