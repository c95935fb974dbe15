package org.ccsim.plugins.plants;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ccsim.api.Plant;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The plants' physics on cases worked by hand: a free point mass keeps its velocity, viscosity takes
 * away the declared fraction per step; the arm's hand sits where forward kinematics puts it, a free
 * arm keeps its kinetic energy, and a joint past its limit is pushed back.
 */
class PlantMotionTest {

  private static Plant pointMass(Object... settings) {
    PointMassType type = new PointMassType();
    return type.create(TestConfigs.of(type, settings), new TestBuildContext(1));
  }

  private static Plant arm(Object... settings) {
    TwoJointArmType type = new TwoJointArmType();
    return type.create(TestConfigs.of(type, settings), new TestBuildContext(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"euler", "semi-implicit"})
  void aFreePointMassKeepsItsVelocityAndMovesWithIt(String integration) {
    Plant plant = pointMass("integration", integration, "dt", 0.1);
    double[] p = {1, -2, 0.5, -0.25};
    double[] next = new double[4];
    for (int t = 0; t < 100; t++) {
      plant.step(p, new double[2], next);
      p = next.clone();
    }
    assertArrayEquals(new double[] {1 + 100 * 0.1 * 0.5, -2 - 100 * 0.1 * 0.25, 0.5, -0.25}, p, 1e-12);
  }

  @Test
  void viscosityTakesTheDeclaredFractionOfTheVelocityPerStep() {
    Plant plant = pointMass("mass", 2.0, "viscosity", 4.0, "dt", 0.01);
    double[] p = {0, 0, 1, -3};
    double[] next = new double[4];
    for (int t = 0; t < 50; t++) {
      plant.step(p, new double[2], next);
      p = next.clone();
    }
    double kept = Math.pow(1 - 0.01 * 4.0 / 2.0, 50);
    assertEquals(kept, p[2], 1e-12);
    assertEquals(-3 * kept, p[3], 1e-12);
  }

  @Test
  void aForceAcceleratesTheMassByForceOverMass() {
    Plant plant = pointMass("mass", 4.0, "dt", 0.5);
    double[] next = new double[4];
    plant.step(new double[4], new double[] {2, -8}, next);
    assertArrayEquals(new double[] {0.5 * 0.25, 0.5 * -1, 0.25, -1}, next, 1e-15, "semi-implicit: v first");
  }

  @Test
  void theHandIsWhereForwardKinematicsPutsIt() {
    double l1 = 0.309;
    double l2 = 0.333;
    double[][] poses = {{0, 0}, {Math.PI / 2, 0}, {0, Math.PI / 2}, {Math.PI / 2, Math.PI / 2}, {Math.PI / 4, Math.PI / 2}};
    double r = Math.sqrt(0.5);
    double[][] hands = {{l1 + l2, 0}, {0, l1 + l2}, {l1, l2}, {-l2, l1}, {l1 * r - l2 * r, l1 * r + l2 * r}};
    Plant plant = arm();
    double[] o = new double[6];
    for (int i = 0; i < poses.length; i++) {
      plant.observe(new double[] {poses[i][0], poses[i][1], 0, 0, 0, 0}, o);
      assertArrayEquals(hands[i], new double[] {o[0], o[1]}, 1e-15, "pose " + i);
      assertEquals(poses[i][0], o[4]);
      assertEquals(poses[i][1], o[5]);
    }
    plant.observe(new double[] {0, 0, 2, 0, 0, 0}, o);
    assertArrayEquals(new double[] {0, 2 * (l1 + l2)}, new double[] {o[2], o[3]}, 1e-15,
        "the straight arm turning at the shoulder: the hand moves at omega (l1 + l2), across the arm");
  }

  @Test
  void aFreeArmKeepsItsKineticEnergy() {
    Plant plant = arm("limitStiffness", 0.0, "dt", 0.0005, "tau", 0.0005);
    double[] p = {0.8, 1.2, 2.0, -1.5, 0, 0};
    double start = kineticEnergy(p);
    double[] next = new double[6];
    double worst = 0;
    for (int t = 0; t < 2000; t++) {
      plant.step(p, new double[2], next);
      p = next.clone();
      worst = Math.max(worst, Math.abs(kineticEnergy(p) - start) / start);
    }
    assertTrue(worst < 0.01, "energy drifts by " + worst + " of " + start + " J over 1 s of free motion");
    assertTrue(Math.abs(p[1] - 1.2) > 0.1, "the arm moved");
  }

  @Test
  void aJointPastItsLimitIsPushedBack() {
    Plant plant = arm();
    double[] next = new double[6];
    plant.step(new double[] {-0.2, 1.0, 0, 0, 0, 0}, new double[2], next);
    assertTrue(next[2] > 0, "below the shoulder's lower limit: accelerated upward, " + next[2]);
    plant.step(new double[] {0.8, 2.9, 0, 0, 0, 0}, new double[2], next);
    assertTrue(next[3] < 0, "above the elbow's upper limit: accelerated downward, " + next[3]);
    plant.step(new double[] {0.8, 1.5, 0, 0, 0, 0}, new double[2], next);
    assertEquals(0, next[3], 1e-7, "well inside the range: next to no torque (the barrier falls off exponentially)");
  }

  /** {@code 1/2 omega^T M omega} with the default segments. */
  private static double kineticEnergy(double[] p) {
    double m1 = 1.82;
    double m2 = 1.43;
    double l1 = 0.309;
    double g1 = 0.135;
    double g2 = 0.165;
    double i1 = 0.051;
    double i2 = 0.057;
    double h = m2 * l1 * g2;
    double c2 = Math.cos(p[1]);
    double m11 = m1 * g1 * g1 + i1 + m2 * (g2 * g2 + l1 * l1) + i2 + 2 * h * c2;
    double m12 = m2 * g2 * g2 + i2 + h * c2;
    double m22 = m2 * g2 * g2 + i2;
    return 0.5 * (m11 * p[2] * p[2] + 2 * m12 * p[2] * p[3] + m22 * p[3] * p[3]);
  }
}
