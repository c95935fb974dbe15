/** Plugin {@code rnn-lstm}: the network {@code lstm} of ALGORITHMS §7. */
package org.ccsim.plugins.lstm;
