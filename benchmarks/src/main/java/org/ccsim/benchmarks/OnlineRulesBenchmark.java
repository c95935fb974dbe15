package org.ccsim.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Task;
import org.ccsim.api.TrainingContext;
import org.ccsim.api.compute.Compute;
import org.ccsim.plugins.motor.LineDrawingType;
import org.ccsim.plugins.online.RtrlType;
import org.ccsim.plugins.online.Snap1Type;
import org.ccsim.plugins.online.UoroType;
import org.ccsim.plugins.rnn.TanhRnnType;
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
 * One training batch of an online rule of ALGORITHMS §8 ({@code rtrl}, {@code uoro}, {@code snap-1})
 * on the cortex and batch of {@link TrainingStepBenchmark} (identity tanh RNN of n units, T = 10
 * steps, one thread), so that RTRL's {@code J_t M_{t-1}} can be set beside the BP(lambda) trace form's
 * {@code J_t}-product of the same shape ({@code TrainingStepBenchmark.bpLambdaBatch} with
 * {@code form=trace, parallel=off}). The context applies nothing; {@code -prof gc} shows what the rule
 * allocates per batch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class OnlineRulesBenchmark {

  @Param({"32", "64"})
  int hidden;

  @Param({"rtrl", "uoro", "snap-1"})
  String rule;

  @Param({"10"})
  int batchSize;

  @Param({"java", "openblas"})
  String backend;

  private LearningRule learningRule;
  private List<Episode> batch;
  private TrainingContext context;

  @Setup
  public void setUp() {
    LineDrawingType lineDrawing = new LineDrawingType();
    Task task = lineDrawing.create(TestConfigs.of(lineDrawing, "steps", TrainingStepBenchmark.STEPS, "targets", 1,
        "cue", "binary", "lastStepOnly", true), new TestBuildContext(1));
    Compute compute = Backends.create(backend);
    TanhRnnType rnn = new TanhRnnType();
    Network network = rnn.create(TestConfigs.of(rnn, "hidden", hidden, "nonlinearity", "identity", "init", "pytorch"),
        new TestBuildContext(2, task, null, compute));
    RandomGenerator random = TestBuildContext.random(3);
    ParameterSet params = network.initialParameters(random);
    batch = new ArrayList<>();
    for (int i = 0; i < batchSize; i++) {
      batch.add(task.sample(random));
    }
    LearningRuleType type = switch (rule) {
      case "rtrl" -> new RtrlType();
      case "uoro" -> new UoroType();
      default -> new Snap1Type();
    };
    learningRule = type.create(TestConfigs.of(type),
        new TestBuildContext(4, task, network, compute).withBatchSize(batchSize));
    context = new DiscardingTrainingContext(params);
  }

  @Benchmark
  public LearningRule onlineRuleBatch() {
    learningRule.train(batch, context);
    return learningRule;
  }
}
