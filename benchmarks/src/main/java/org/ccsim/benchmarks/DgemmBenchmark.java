package org.ccsim.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ccsim.api.compute.Compute;
import org.ccsim.core.compute.GemmKernel;
import org.ccsim.core.compute.JavaCompute;
import org.ccsim.core.compute.ScalarGemmKernel;
import org.ccsim.core.compute.VectorGemmKernel;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
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
 * DGEMM {@code C = A B} on square matrices, one thread: the practical peak of each way of doing
 * dense maths on this machine, against which the trace kernel is judged ({@code 2 size^3} flops per
 * operation). {@code java} and {@code openblas} are whole backends ({@link Compute#gemm}, with the
 * java backend's packing and the copies to native memory); {@code simd} and {@code scalar} are
 * {@link JavaCompute}'s two kernels alone on a packed panel; {@code ejml} is EJML's
 * {@code CommonOps_DDRM.mult}, the library the kernels were chosen against.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class DgemmBenchmark {

  @Param({"256"})
  int size;

  @Param({"java", "openblas", "simd", "scalar", "ejml"})
  String kernel;

  private double[] a;
  private double[] b;
  private double[] c;
  private double[] spill;
  private DMatrixRMaj ejmlA;
  private DMatrixRMaj ejmlB;
  private DMatrixRMaj ejmlC;
  private GemmKernel gemmKernel;
  private Compute backend;

  @Setup
  public void setUp() {
    Random random = new Random(1);
    a = new double[size * size];
    b = new double[size * size];
    c = new double[size * size];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextGaussian();
      b[i] = random.nextGaussian();
    }
    spill = new double[4 * size];
    ejmlA = DMatrixRMaj.wrap(size, size, a);
    ejmlB = DMatrixRMaj.wrap(size, size, b);
    ejmlC = new DMatrixRMaj(size, size);
    gemmKernel = switch (kernel) {
      case "simd" -> new VectorGemmKernel();
      case "scalar" -> new ScalarGemmKernel();
      default -> null;
    };
    backend = gemmKernel == null && !kernel.equals("ejml") ? Backends.create(kernel) : null;
  }

  @Benchmark
  public double[] multiply() {
    if (gemmKernel != null) {
      // b is already a panel: square, width = size (a multiple of every vector length)
      gemmKernel.rows(size, size, size, 1.0, a, 0, size, b, size, 0.0, c, 0, size, spill);
    } else if (backend != null) {
      backend.gemm(false, false, size, size, size, 1.0, a, 0, size, b, 0, size, 0.0, c, 0, size);
    } else {
      CommonOps_DDRM.mult(ejmlA, ejmlB, ejmlC);
    }
    return c;
  }
}
