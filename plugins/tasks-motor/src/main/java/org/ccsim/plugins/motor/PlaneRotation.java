package org.ccsim.plugins.motor;

/**
 * The rotation {@code R_theta} of the plane, counter-clockwise, as an {@link OutputMap} applied at
 * steps {@code t >= from}: {@code R = [[cos, -sin], [sin, cos]]}, pulled back with {@code R^T}.
 */
record PlaneRotation(double cos, double sin, int from) implements OutputMap {

  /** A rotation by {@code degrees} from step {@code from} (0-based) on. */
  static PlaneRotation of(double degrees, int from) {
    double radians = Math.toRadians(degrees);
    return new PlaneRotation(Math.cos(radians), Math.sin(radians), from);
  }

  @Override
  public void apply(int t, double[] y, double[] out) {
    if (t < from) {
      System.arraycopy(y, 0, out, 0, 2);
      return;
    }
    out[0] = cos * y[0] - sin * y[1];
    out[1] = sin * y[0] + cos * y[1];
  }

  @Override
  public void pullBack(int t, double[] g, double[] out) {
    if (t < from) {
      System.arraycopy(g, 0, out, 0, 2);
      return;
    }
    out[0] = cos * g[0] + sin * g[1];
    out[1] = -sin * g[0] + cos * g[1];
  }
}
