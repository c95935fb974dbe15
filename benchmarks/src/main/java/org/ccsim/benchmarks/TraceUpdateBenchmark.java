package org.ccsim.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Task;
import org.ccsim.api.compute.Compute;
import org.ccsim.core.compute.WorkSharing;
import org.ccsim.plugins.rnn.TanhRnnType;
import org.ccsim.plugins.synthesisers.LinearSynthesiserType;
import org.ccsim.plugins.synthetic.StateJacobian;
import org.ccsim.plugins.synthetic.bplambda.EligibilityTrace;
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
 * One step of the BP(lambda) trace update for a batch, {@code e <- gamma lambda J_t e + dg/dtheta}
 * with a linear synthesiser ({@link EligibilityTrace#advance} for every example): {@code 2 n^2 P}
 * flops per example, P = n^2 + n. With {@code parallel} the examples are spread over the cores as
 * the rule does; without, one thread, comparable with {@code DgemmBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TraceUpdateBenchmark {

  @Param({"16", "30", "64", "128"})
  int hidden;

  @Param({"1", "10", "100"})
  int batch;

  @Param({"java", "openblas"})
  String backend;

  @Param({"false", "true"})
  boolean parallel;

  private Compute compute;
  private EligibilityTrace trace;
  private double[][] states;
  private StateJacobian[] jacobians;
  private IntConsumer advance;

  @Setup
  public void setUp() {
    RandomGenerator random = TestBuildContext.random(5);
    compute = Backends.create(backend);
    Task task = TestBuildContext.taskOfSize(1, 1);
    TanhRnnType rnn = new TanhRnnType();
    Network network = rnn.create(TestConfigs.of(rnn, "hidden", hidden), new TestBuildContext(2, task, null, compute));
    LinearSynthesiserType linear = new LinearSynthesiserType();
    var synthesiser = (JacobianSynthesiser) linear.create(TestConfigs.of(linear), new TestBuildContext(1, task, network, compute));
    ParameterSet theta = synthesiser.initialParameters(random);
    trace = new EligibilityTrace(synthesiser, theta, compute, batch, 1.0);
    states = new double[batch][hidden];
    jacobians = new StateJacobian[batch];
    for (int b = 0; b < batch; b++) {
      double[] dense = new double[hidden * hidden];
      for (int i = 0; i < dense.length; i++) {
        dense[i] = random.nextGaussian() / Math.sqrt(hidden);
      }
      for (int i = 0; i < hidden; i++) {
        states[b][i] = random.nextGaussian();
      }
      jacobians[b] = new DenseJacobian(dense);
    }
    advance = b -> trace.advance(b, states[b], jacobians[b]);
    trace.reset();
  }

  @Benchmark
  public EligibilityTrace step() {
    if (parallel) {
      WorkSharing.COMMON.forEach(batch, advance);
    } else {
      for (int b = 0; b < batch; b++) {
        advance.accept(b);
      }
    }
    return trace;
  }

  /** A fixed Jacobian; the trace update only asks for the dense matrix. */
  private record DenseJacobian(double[] matrix) implements StateJacobian {
    @Override
    public void vjp(double[] v, double[] out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void jvp(double[] u, double[] out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void dense(double[] out) {
      System.arraycopy(matrix, 0, out, 0, matrix.length);
    }
  }
}
