package org.ccsim.plugins.openblas;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Loads OpenBLAS (the JavaCPP preset {@code openblas_nolapack}: BLAS without LAPACK) once per class
 * loader and sets it to one thread: the callers spread work over threads themselves
 * ({@link org.ccsim.api.compute.Parallel}), and one thread per call keeps a call's result
 * independent of OpenBLAS's thread pool. The platform is JavaCPP's own (system property
 * {@code org.bytedeco.javacpp.platform}, read when JavaCPP's {@link Loader} is first loaded); on a
 * platform whose natives are not in the JAR, the load fails and {@link #failure()} says why.
 */
final class OpenBlasNatives {

  private static final String FAILURE = load();

  private OpenBlasNatives() {
  }

  /** Why the natives did not load, or {@code null} when they did. */
  static String failure() {
    return FAILURE;
  }

  private static String load() {
    try {
      Loader.load(openblas_nolapack.class);
      org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
      return null;
    } catch (LinkageError | RuntimeException e) {
      return "no OpenBLAS natives for platform " + Loader.getPlatform() + " (" + e + ")";
    }
  }
}
