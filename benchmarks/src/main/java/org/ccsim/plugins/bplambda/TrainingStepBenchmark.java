package org.ccsim.plugins.bplambda;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Task;
import org.ccsim.core.optim.Adam;
import org.ccsim.plugins.motor.LineDrawingType;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.testkit.RecordingTrainingContext;
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
 * One training batch of BP(lambda) (10 episodes of T = 10 steps; lambda = 1, linear synthesiser,
 * identity cortex as in the BP(lambda) toy task) at hidden sizes 30, 64 and 128: the time of a batch
 * divided by T is the per-step figure the reference implementation is timed by. BPTT on the same
 * batch is the baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrainingStepBenchmark {

  @Param({"30", "64", "128"})
  int hidden;

  private LearningRule bpLambda;
  private LearningRule bptt;
  private List<Episode> batch;
  private ParameterSet params;

  @Setup
  public void setUp() {
    LineDrawingType lineDrawing = new LineDrawingType();
    Task task = lineDrawing.create(TestConfigs.of(lineDrawing, "targets", 1, "cue", "binary", "lastStepOnly", true),
        new TestBuildContext(1));
    TanhRnnType rnn = new TanhRnnType();
    Network network = rnn.create(TestConfigs.of(rnn, "hidden", hidden, "nonlinearity", "identity", "init", "pytorch"),
        new TestBuildContext(2, task, null));
    RandomGenerator random = TestBuildContext.random(3);
    params = network.initialParameters(random);
    batch = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      batch.add(task.sample(random));
    }
    LinearSynthesiser synthesiser = new LinearSynthesiser(hidden);
    bpLambda = new BpLambda(network, synthesiser, synthesiser.initialParameters(random),
        new Adam(1e-4, 0.9, 0.98, 1e-9), new org.ccsim.api.compute.JavaCompute(),
        new BpLambda.Settings(1, 1, 1, 1, false, TraceForm.TRACE, 0, true));
    var bpttType = new org.ccsim.plugins.bptt.BpttType();
    bptt = bpttType.create(TestConfigs.of(bpttType), new TestBuildContext(4, task, network));
  }

  @Benchmark
  public ParameterSet bpLambdaBatch() {
    RecordingTrainingContext context = new RecordingTrainingContext(params);
    bpLambda.train(batch, context);
    return context.total();
  }

  @Benchmark
  public ParameterSet bpttBatch() {
    RecordingTrainingContext context = new RecordingTrainingContext(params);
    bptt.train(batch, context);
    return context.total();
  }
}
