package org.ccsim.api;

/**
 * A fixed, noise-free episode of a {@link Task} for looking at what a network does, such as one
 * reach to each target: the host runs the network on it at chosen epochs and stores the outputs
 * next to {@link #path()} (the hand paths a motor researcher plots first).
 *
 * @param label names the condition, e.g. {@code "target 3 (90 deg)"}
 * @param episode the inputs the network receives
 * @param path the ideal output at every step (T rows of k values), scored or not
 */
public record Probe(String label, Episode episode, double[][] path) {

  public Probe {
    if (path.length != episode.length()) {
      throw new IllegalArgumentException(label + ": " + path.length + " path points for " + episode.length() + " steps");
    }
  }
}
