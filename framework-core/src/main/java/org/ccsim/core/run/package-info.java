/**
 * The runner: advances the built units through replicates x rules x phases x epochs x batches,
 * records metrics, and reports progress. It only runs what {@link org.ccsim.core.build} built.
 */
package org.ccsim.core.run;
