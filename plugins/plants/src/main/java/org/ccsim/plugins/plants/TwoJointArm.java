package org.ccsim.plugins.plants;

import java.util.Arrays;
import org.ccsim.api.Plant;

/**
 * A planar two-joint arm (shoulder and elbow, no gravity) turned by joint torques. State
 * {@code p = [theta_1, theta_2, omega_1, omega_2, a_1, a_2]}: joint angles (rad, the elbow's relative
 * to the upper arm), their velocities (rad/s) and each joint's activation. A step of {@code dt}:
 * <pre>
 *   a'     = a + (dt / tau) (u - a)                         first-order activation of the command u
 *   tau_j  = T a'_j + L_j(theta_j) - b omega_j               torque, soft joint limits, joint viscosity
 *   M(theta_2) alpha = tau - c(theta_2, omega)               rigid-body dynamics of the two segments
 *   omega' = omega + dt alpha,   theta' = theta + dt omega'  semi-implicit Euler
 * </pre>
 * with {@code M_11 = m_1 g_1^2 + I_1 + m_2 (g_2^2 + l_1^2) + I_2 + 2 h cos theta_2},
 * {@code M_12 = M_21 = m_2 g_2^2 + I_2 + h cos theta_2}, {@code M_22 = m_2 g_2^2 + I_2},
 * {@code c = h sin theta_2 [-(2 omega_1 + omega_2) omega_2, omega_1^2]} and {@code h = m_2 l_1 g_2}
 * (segment masses m, lengths l, centres of mass at g from the joint, inertias I about the centres of
 * mass). A joint limit is a smooth barrier, {@code L(theta) = k w [softplus((lo - theta) / w) -
 * softplus((theta - hi) / w)]}: nothing well inside the range, a spring of stiffness k beyond it.
 * Observed: the hand's position and velocity by forward kinematics,
 * {@code x = l_1 cos theta_1 + l_2 cos(theta_1 + theta_2)}, {@code y = l_1 sin theta_1 + l_2 sin(theta_1 +
 * theta_2)}, and the joint angles: {@code o = [x, y, v_x, v_y, theta_1, theta_2]}.
 */
final class TwoJointArm implements Plant {

  /** The arm's dimensions, in SI units. */
  record Segments(double m1, double m2, double l1, double l2, double g1, double g2, double i1, double i2) {
  }

  /** Joint ranges (rad) and the barrier that keeps the joints in them. */
  record Limits(double shoulderLow, double shoulderHigh, double elbowLow, double elbowHigh, double stiffness,
      double width) {
  }

  private final Segments segments;
  private final Limits limits;
  private final double maxTorque;
  private final double viscosity;
  private final double tau;
  private final double dt;
  private final double[] start;
  private final double constant11;
  private final double constant12;
  private final double h;

  TwoJointArm(Segments segments, Limits limits, double maxTorque, double viscosity, double tau, double dt,
      double shoulder, double elbow) {
    this.segments = segments;
    this.limits = limits;
    this.maxTorque = maxTorque;
    this.viscosity = viscosity;
    this.tau = tau;
    this.dt = dt;
    this.start = new double[] {shoulder, elbow, 0, 0, 0, 0};
    Segments s = segments;
    this.constant12 = s.m2() * s.g2() * s.g2() + s.i2();
    this.constant11 = s.m1() * s.g1() * s.g1() + s.i1() + s.m2() * (s.g2() * s.g2() + s.l1() * s.l1()) + s.i2();
    this.h = s.m2() * s.l1() * s.g2();
  }

  @Override
  public int stateSize() {
    return 6;
  }

  @Override
  public int commandSize() {
    return 2;
  }

  @Override
  public int observationSize() {
    return 6;
  }

  @Override
  public double[] initialState() {
    return start.clone();
  }

  /** One step's intermediate values at {@code (p, u)}. */
  private final class Dynamics {
    final double keep = 1 - dt / tau;
    final double[] activation = new double[2];
    final double sin2;
    final double cos2;
    /** M's inverse, row-major. */
    final double[] inverse = new double[4];
    final double[] acceleration = new double[2];

    Dynamics(double[] p, double[] u) {
      double[] torque = new double[2];
      for (int j = 0; j < 2; j++) {
        activation[j] = p[4 + j] + (dt / tau) * (u[j] - p[4 + j]);
        torque[j] = maxTorque * activation[j] + limit(j, p[j]) - viscosity * p[2 + j];
      }
      sin2 = Math.sin(p[1]);
      cos2 = Math.cos(p[1]);
      double m11 = constant11 + 2 * h * cos2;
      double m12 = constant12 + h * cos2;
      double m22 = constant12;
      double det = m11 * m22 - m12 * m12;
      inverse[0] = m22 / det;
      inverse[1] = -m12 / det;
      inverse[2] = -m12 / det;
      inverse[3] = m11 / det;
      double r1 = torque[0] + h * sin2 * (2 * p[2] + p[3]) * p[3];
      double r2 = torque[1] - h * sin2 * p[2] * p[2];
      acceleration[0] = inverse[0] * r1 + inverse[1] * r2;
      acceleration[1] = inverse[2] * r1 + inverse[3] * r2;
    }

    /**
     * {@code d alpha / dx} for a quantity x that moves the right-hand side by {@code dr} and M by
     * {@code dM11, dM12} (M_22 is constant), into {@code out}.
     */
    void accelerationChange(double dr1, double dr2, double dm11, double dm12, double[] out) {
      double e1 = dr1 - (dm11 * acceleration[0] + dm12 * acceleration[1]);
      double e2 = dr2 - dm12 * acceleration[0];
      out[0] = inverse[0] * e1 + inverse[1] * e2;
      out[1] = inverse[2] * e1 + inverse[3] * e2;
    }
  }

  @Override
  public void step(double[] state, double[] command, double[] next) {
    Dynamics d = new Dynamics(state, command);
    for (int j = 0; j < 2; j++) {
      next[2 + j] = state[2 + j] + dt * d.acceleration[j];
      next[j] = state[j] + dt * next[2 + j];
      next[4 + j] = d.activation[j];
    }
  }

  @Override
  public void stateJacobian(double[] state, double[] command, double[] out) {
    Dynamics d = new Dynamics(state, command);
    Arrays.fill(out, 0.0);
    double w1 = state[2];
    double w2 = state[3];
    double[] change = new double[2];
    for (int x = 0; x < 6; x++) {
      double dr1 = 0;
      double dr2 = 0;
      double dm11 = 0;
      double dm12 = 0;
      switch (x) {
        case 0 -> dr1 = limitSlope(0, state[0]);
        case 1 -> {
          dr1 = h * d.cos2 * (2 * w1 + w2) * w2;
          dr2 = limitSlope(1, state[1]) - h * d.cos2 * w1 * w1;
          dm11 = -2 * h * d.sin2;
          dm12 = -h * d.sin2;
        }
        case 2 -> {
          dr1 = -viscosity + 2 * h * d.sin2 * w2;
          dr2 = -2 * h * d.sin2 * w1;
        }
        case 3 -> {
          dr1 = h * d.sin2 * (2 * w1 + 2 * w2);
          dr2 = -viscosity;
        }
        case 4 -> dr1 = maxTorque * d.keep;
        default -> dr2 = maxTorque * d.keep;
      }
      d.accelerationChange(dr1, dr2, dm11, dm12, change);
      for (int j = 0; j < 2; j++) {
        double velocity = (x == 2 + j ? 1 : 0) + dt * change[j];
        out[(2 + j) * 6 + x] = velocity;
        out[j * 6 + x] = (x == j ? 1 : 0) + dt * velocity;
      }
    }
    out[4 * 6 + 4] = d.keep;
    out[5 * 6 + 5] = d.keep;
  }

  @Override
  public void commandJacobian(double[] state, double[] command, double[] out) {
    Dynamics d = new Dynamics(state, command);
    Arrays.fill(out, 0.0);
    double gain = dt / tau;
    double[] change = new double[2];
    for (int x = 0; x < 2; x++) {
      d.accelerationChange(x == 0 ? maxTorque * gain : 0, x == 1 ? maxTorque * gain : 0, 0, 0, change);
      for (int j = 0; j < 2; j++) {
        out[(2 + j) * 2 + x] = dt * change[j];
        out[j * 2 + x] = dt * dt * change[j];
      }
      out[(4 + x) * 2 + x] = gain;
    }
  }

  /**
   * The hand's position {@code (x, y)} and the forearm's share of it, {@code l_2 (cos, sin)(theta_1 +
   * theta_2)}: the columns of the hand's Jacobian are {@code (-y, x)} and {@code (-forearmY, forearmX)}.
   */
  private record Pose(double x, double y, double forearmX, double forearmY) {
  }

  private Pose pose(double[] state) {
    double sum = state[0] + state[1];
    double forearmX = segments.l2() * Math.cos(sum);
    double forearmY = segments.l2() * Math.sin(sum);
    return new Pose(segments.l1() * Math.cos(state[0]) + forearmX, segments.l1() * Math.sin(state[0]) + forearmY,
        forearmX, forearmY);
  }

  @Override
  public void observe(double[] state, double[] out) {
    Pose pose = pose(state);
    out[0] = pose.x();
    out[1] = pose.y();
    out[2] = -pose.y() * state[2] - pose.forearmY() * state[3];
    out[3] = pose.x() * state[2] + pose.forearmX() * state[3];
    out[4] = state[0];
    out[5] = state[1];
  }

  @Override
  public void observationJacobian(double[] state, double[] out) {
    Arrays.fill(out, 0.0);
    Pose pose = pose(state);
    double x = pose.x();
    double y = pose.y();
    double forearmX = pose.forearmX();
    double forearmY = pose.forearmY();
    double w1 = state[2];
    double w2 = state[3];
    double[][] rows = {
        {-y, -forearmY, 0, 0},
        {x, forearmX, 0, 0},
        {-x * w1 - forearmX * w2, -forearmX * (w1 + w2), -y, -forearmY},
        {-y * w1 - forearmY * w2, -forearmY * (w1 + w2), x, forearmX},
        {1, 0, 0, 0},
        {0, 1, 0, 0}};
    for (int r = 0; r < 6; r++) {
      System.arraycopy(rows[r], 0, out, r * 6, 4);
    }
  }

  /** The barrier torque of joint j at angle theta. */
  private double limit(int joint, double theta) {
    double w = limits.width();
    return limits.stiffness() * w * (softplus((low(joint) - theta) / w) - softplus((theta - high(joint)) / w));
  }

  /** Its derivative in theta. */
  private double limitSlope(int joint, double theta) {
    double w = limits.width();
    return -limits.stiffness() * (logistic((low(joint) - theta) / w) + logistic((theta - high(joint)) / w));
  }

  private double low(int joint) {
    return joint == 0 ? limits.shoulderLow() : limits.elbowLow();
  }

  private double high(int joint) {
    return joint == 0 ? limits.shoulderHigh() : limits.elbowHigh();
  }

  private static double softplus(double z) {
    return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
  }

  private static double logistic(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }
}
