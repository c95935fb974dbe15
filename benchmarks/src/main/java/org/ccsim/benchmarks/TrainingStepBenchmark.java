package org.ccsim.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.ccsim.api.Config;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Task;
import org.ccsim.api.TrainingContext;
import org.ccsim.api.compute.Compute;
import org.ccsim.api.compute.Parallel;
import org.ccsim.core.build.TrainedGroups;
import org.ccsim.core.optim.AdamType;
import org.ccsim.plugins.bptt.BpttType;
import org.ccsim.plugins.lstm.LstmType;
import org.ccsim.plugins.motor.LineDrawingType;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.plugins.synthesisers.LinearSynthesiserType;
import org.ccsim.plugins.synthetic.bplambda.BpLambdaType;
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
 * One training batch of BP(lambda) (B episodes of T = 10 steps; lambda = 1, linear synthesiser,
 * identity cortex as in the BP(lambda) toy task, or an LSTM of n units whose state has 2n values),
 * in either form of the eligibility, on a compute
 * backend, examples spread over the cores when the rule's cost model says so: the time of a batch
 * divided by T is the per-step figure the reference implementation is timed by. BPTT on the same
 * batch is the baseline. The training context applies nothing and records nothing, so that
 * {@code -prof gc} shows what the rule itself allocates.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainingStepBenchmark {

  static final int STEPS = 10;

  @Param({"16", "30", "64", "128"})
  int hidden;

  /** identity-rnn: tanh-rnn with the identity nonlinearity; lstm: the LSTM of ALGORITHMS §7. */
  @Param({"identity-rnn", "lstm"})
  String cortex;

  @Param({"1", "10", "100"})
  int batchSize;

  @Param({"trace", "history"})
  String form;

  @Param({"java", "openblas"})
  String backend;

  /** One thread: the examples one after the other. */
  private static final Parallel ONE_THREAD = (count, body) -> {
    for (int i = 0; i < count; i++) {
      body.accept(i);
    }
  };

  /** auto: examples spread over the cores when the rule's cost model says so (as in a run); off: one thread. */
  @Param({"auto", "off"})
  String parallel;

  private LearningRule bpLambda;
  private LearningRule bptt;
  private List<Episode> batch;
  private TrainingContext context;

  @Setup
  public void setUp() {
    LineDrawingType lineDrawing = new LineDrawingType();
    Task task = lineDrawing.create(TestConfigs.of(lineDrawing, "steps", STEPS, "targets", 1, "cue", "binary",
        "lastStepOnly", true), new TestBuildContext(1));
    Compute compute = Backends.create(backend);
    Network network = cortex(task, compute);
    RandomGenerator random = TestBuildContext.random(3);
    ParameterSet params = network.initialParameters(random);
    batch = new ArrayList<>();
    for (int i = 0; i < batchSize; i++) {
      batch.add(task.sample(random));
    }
    BpLambdaType bpLambdaType = new BpLambdaType();
    LinearSynthesiserType linear = new LinearSynthesiserType();
    Config ruleConfig = TestConfigs.of(bpLambdaType, "traceForm", form, "synthClip", 1.0,
        "synthesiser", TestConfigs.of(linear), "synthOptimiser", TestConfigs.of(new AdamType()));
    TestBuildContext ruleContext = new TestBuildContext(4, task, network, List.of(linear, new AdamType()), compute)
        .withBatchSize(batchSize);
    if (parallel.equals("off")) {
      ruleContext = ruleContext.withParallel(ONE_THREAD);
    }
    bpLambda = bpLambdaType.create(ruleConfig, ruleContext);
    TrainedGroups synthesiserGroup = ruleContext.trainedGroups(ruleConfig);
    var bpttType = new BpttType();
    bptt = bpttType.create(TestConfigs.of(bpttType), new TestBuildContext(4, task, network, compute));
    context = new DiscardingTrainingContext(params, synthesiserGroup);
  }

  private Network cortex(Task task, Compute compute) {
    TestBuildContext context = new TestBuildContext(2, task, null, compute);
    if (cortex.equals("lstm")) {
      LstmType lstm = new LstmType();
      return lstm.create(TestConfigs.of(lstm, "hidden", hidden), context);
    }
    TanhRnnType rnn = new TanhRnnType();
    return rnn.create(TestConfigs.of(rnn, "hidden", hidden, "nonlinearity", "identity", "init", "pytorch"), context);
  }

  @Benchmark
  public LearningRule bpLambdaBatch() {
    bpLambda.train(batch, context);
    return bpLambda;
  }

  @Benchmark
  public LearningRule bpttBatch() {
    bptt.train(batch, context);
    return bptt;
  }
}
