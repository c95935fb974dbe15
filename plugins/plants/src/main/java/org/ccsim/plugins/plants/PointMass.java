package org.ccsim.plugins.plants;

import java.util.Arrays;
import org.ccsim.api.Plant;

/**
 * A point mass in the plane pushed by a force: state {@code p = [x, y, v_x, v_y]} (m, m/s), command
 * {@code u = [f_x, f_y]} (N), {@code m dv/dt = u - b v} with viscosity b (N s/m), integrated over one
 * step of {@code dt} s either by explicit Euler ({@code x' = x + dt v}, {@code v' = v + dt a}) or
 * semi-implicitly ({@code v'} first, then {@code x' = x + dt v'}). Observed: the whole state, the hand's
 * position and velocity.
 */
final class PointMass implements Plant {

  /** The integration scheme. */
  enum Integration { EULER, SEMI_IMPLICIT }

  private final double mass;
  private final double viscosity;
  private final double dt;
  private final Integration integration;

  PointMass(double mass, double viscosity, double dt, Integration integration) {
    this.mass = mass;
    this.viscosity = viscosity;
    this.dt = dt;
    this.integration = integration;
  }

  @Override
  public int stateSize() {
    return 4;
  }

  @Override
  public int commandSize() {
    return 2;
  }

  @Override
  public int observationSize() {
    return 4;
  }

  @Override
  public double[] initialState() {
    return new double[4];
  }

  @Override
  public void step(double[] state, double[] command, double[] next) {
    for (int axis = 0; axis < 2; axis++) {
      double v = state[2 + axis];
      double vNext = v + dt * (command[axis] - viscosity * v) / mass;
      next[2 + axis] = vNext;
      next[axis] = state[axis] + dt * (integration == Integration.EULER ? v : vNext);
    }
  }

  @Override
  public void stateJacobian(double[] state, double[] command, double[] out) {
    Arrays.fill(out, 0.0);
    double keep = 1 - dt * viscosity / mass;
    for (int axis = 0; axis < 2; axis++) {
      out[axis * 4 + axis] = 1;
      out[axis * 4 + 2 + axis] = integration == Integration.EULER ? dt : dt * keep;
      out[(2 + axis) * 4 + 2 + axis] = keep;
    }
  }

  @Override
  public void commandJacobian(double[] state, double[] command, double[] out) {
    Arrays.fill(out, 0.0);
    for (int axis = 0; axis < 2; axis++) {
      out[(2 + axis) * 2 + axis] = dt / mass;
      out[axis * 2 + axis] = integration == Integration.EULER ? 0 : dt * dt / mass;
    }
  }

  @Override
  public void observe(double[] state, double[] out) {
    System.arraycopy(state, 0, out, 0, 4);
  }

  @Override
  public void observationJacobian(double[] state, double[] out) {
    Arrays.fill(out, 0.0);
    for (int i = 0; i < 4; i++) {
      out[i * 4 + i] = 1;
    }
  }
}
