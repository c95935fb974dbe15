/** Plugin {@code rule-bptt}: full and truncated backpropagation through time (ALGORITHMS §2). */
package org.ccsim.plugins.bptt;
