/** Plugin {@code rnn-tanh}: the network {@code tanh-rnn} of ALGORITHMS §1. */
package org.ccsim.plugins.rnn;
