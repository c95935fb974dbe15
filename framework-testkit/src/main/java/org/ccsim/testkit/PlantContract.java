package org.ccsim.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;
import org.ccsim.api.Config;
import org.ccsim.api.Plant;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link Plant}: consistent sizes, a step that is a pure function of state and
 * command, and analytic Jacobians {@code dF/dp}, {@code dF/du} and {@code dG/dp} that agree with
 * central finite differences (relative error below 1e-6) at states and commands drawn around the
 * initial state ({@link #state}) for every configuration.
 */
public abstract class PlantContract extends ComponentContract<Plant> {

  private static final int DRAWS = 5;
  private static final double TOLERANCE = 1e-6;

  /** A state to check the Jacobians at: by default the initial state moved by up to 0.3 in every entry. */
  protected double[] state(Plant plant, RandomGenerator random) {
    double[] p = plant.initialState();
    for (int i = 0; i < p.length; i++) {
      p[i] += random.nextDouble(-0.3, 0.3);
    }
    return p;
  }

  /** A command to check the Jacobians at: by default uniform in [-1, 1]. */
  protected double[] command(Plant plant, RandomGenerator random) {
    return random.doubles(plant.commandSize(), -1, 1).toArray();
  }

  @Test
  void sizesAgreeAndAStepIsAPureFunctionOfStateAndCommand() {
    for (Config config : configs()) {
      Plant plant = create(config, 1);
      assertEquals(plant.stateSize(), plant.initialState().length, "initial state");
      assertTrue(plant.commandSize() > 0 && plant.observationSize() > 0, "a plant takes commands and is observed");
      RandomGenerator random = TestBuildContext.random(2);
      double[] p = state(plant, random);
      double[] u = command(plant, random);
      double[] pCopy = p.clone();
      double[] uCopy = u.clone();
      double[] once = new double[plant.stateSize()];
      double[] twice = new double[plant.stateSize()];
      plant.step(p, u, once);
      plant.step(p, u, twice);
      assertArrayEquals(once, twice, "the same state and command give the same next state");
      assertArrayEquals(pCopy, p, "the state is not changed");
      assertArrayEquals(uCopy, u, "the command is not changed");
    }
  }

  @Test
  void theJacobiansAreThoseOfFiniteDifferences() {
    for (Config config : configs()) {
      Plant plant = create(config, 1);
      RandomGenerator random = TestBuildContext.random(3);
      int s = plant.stateSize();
      for (int draw = 0; draw < DRAWS; draw++) {
        double[] p = state(plant, random);
        double[] u = command(plant, random);
        double[] analytic = new double[s * s];
        plant.stateJacobian(p, u, analytic);
        check("dF/dp", analytic, numeric(s, s, p, (x, out) -> plant.step(x, u, out)), config);
        analytic = new double[s * plant.commandSize()];
        plant.commandJacobian(p, u, analytic);
        check("dF/du", analytic, numeric(s, plant.commandSize(), u, (x, out) -> plant.step(p, x, out)), config);
        analytic = new double[plant.observationSize() * s];
        plant.observationJacobian(p, analytic);
        check("dG/dp", analytic, numeric(plant.observationSize(), s, p, plant::observe), config);
      }
    }
  }

  /** The rows x columns Jacobian of {@code f} at {@code x} by central differences. */
  private static double[] numeric(int rows, int columns, double[] x, BiConsumer<double[], double[]> f) {
    double[] jacobian = new double[rows * columns];
    double[] out = new double[rows];
    for (int r = 0; r < rows; r++) {
      int row = r;
      double[] column = FiniteDifferences.gradient(x, at -> {
        f.accept(at, out);
        return out[row];
      });
      System.arraycopy(column, 0, jacobian, r * columns, columns);
    }
    return jacobian;
  }

  private static void check(String what, double[] analytic, double[] numeric, Config config) {
    double error = FiniteDifferences.relativeError(analytic, numeric);
    assertTrue(error < TOLERANCE, what + " of " + config + ": relative error " + error);
  }
}
