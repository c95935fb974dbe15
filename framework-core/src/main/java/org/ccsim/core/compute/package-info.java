/**
 * The host's pure-Java compute: the default {@link org.ccsim.api.compute.Compute} backend
 * ({@link org.ccsim.core.compute.JavaCompute}) with its GEMM kernels, and the
 * {@link org.ccsim.api.compute.Parallel} service ({@link org.ccsim.core.compute.WorkSharing}).
 */
package org.ccsim.core.compute;
