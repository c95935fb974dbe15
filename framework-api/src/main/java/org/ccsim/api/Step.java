package org.ccsim.api;

/**
 * The record of one network step t (ALGORITHMS §1): input {@code x_t}, previous state
 * {@code h_{t-1}}, pre-activation {@code a_t}, state {@code h_t} and output {@code y_t}. A
 * {@link Network} fills it in {@link Network#forward}; learning rules keep the steps of an
 * episode (or window) to run the derivatives of {@link Network} on them. Mutable, preallocated.
 */
public final class Step {

  /** Input {@code x_t} (m values). */
  public final double[] x;
  /** Previous state {@code h_{t-1}} (n values). */
  public final double[] hPrev;
  /**
   * Pre-activation {@code a_t} (n values), or whatever a network keeps of the step for its derivatives
   * (the LSTM: its gates and {@code tanh c_t}), as many values as it asks for.
   */
  public final double[] a;
  /** State {@code h_t} (n values). */
  public final double[] h;
  /** Output {@code y_t} (k values). */
  public final double[] y;

  /** A zeroed record for a network with m inputs, a state of n values and k outputs. */
  public Step(int inputs, int hidden, int outputs) {
    this(inputs, hidden, outputs, hidden);
  }

  /** A zeroed record whose {@link #a} holds {@code kept} values. */
  public Step(int inputs, int state, int outputs, int kept) {
    x = new double[inputs];
    hPrev = new double[state];
    a = new double[kept];
    h = new double[state];
    y = new double[outputs];
  }
}
