package org.ccsim.plugins.motor;

import org.ccsim.api.Episode;

/** An episode that scores {@code y' = A_t y + b_t} instead of the output y itself (see {@link OutputMap}). */
record MappedOutputEpisode(Episode base, OutputMap map) implements Episode {

  @Override
  public int length() {
    return base.length();
  }

  @Override
  public double[] input(int t) {
    return base.input(t);
  }

  @Override
  public boolean hasTarget(int t) {
    return base.hasTarget(t);
  }

  @Override
  public double loss(int t, double[] y) {
    return base.loss(t, mapped(t, y));
  }

  @Override
  public void lossGradient(int t, double[] y, double[] out) {
    double[] g = new double[y.length];
    base.lossGradient(t, mapped(t, y), g);
    map.pullBack(t, g, out);
  }

  private double[] mapped(int t, double[] y) {
    double[] out = new double[y.length];
    map.apply(t, y, out);
    return out;
  }
}
