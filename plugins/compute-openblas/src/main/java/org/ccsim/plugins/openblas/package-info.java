/**
 * Plugin {@code compute-openblas}: the {@link org.ccsim.api.compute.Compute} backend {@code openblas},
 * OpenBLAS's {@code cblas_dgemm} and {@code cblas_dgemv} through the JavaCPP presets, with the natives
 * for linux-x86_64 packed into the plugin JAR.
 */
package org.ccsim.plugins.openblas;
