/**
 * Plugin {@code tasks-data}: tasks whose episodes come from a dataset on disk rather than from a
 * generator. {@link org.ccsim.plugins.data.IdxFile} reads the IDX format of MNIST and Fashion-MNIST;
 * {@link org.ccsim.plugins.data.SequentialImage} presents each image as a sequence, row by row or a
 * few pixels at a time, and asks for its class at the last step.
 */
package org.ccsim.plugins.data;
