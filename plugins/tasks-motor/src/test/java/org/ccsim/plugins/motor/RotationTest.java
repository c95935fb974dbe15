package org.ccsim.plugins.motor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ccsim.api.ConfigException;
import org.ccsim.api.Episode;
import org.ccsim.api.SquaredErrorEpisode;
import org.ccsim.api.Task;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Test;

class RotationTest {

  private final LineDrawingType lineDrawing = new LineDrawingType();
  private final Rotation rotation = new Rotation();

  private Task rotated(double degrees) {
    Task base = lineDrawing.create(TestConfigs.of(lineDrawing), new TestBuildContext(1));
    return rotation.create(TestConfigs.of(rotation, "degrees", degrees), new TestBuildContext(1, base, null)).apply(base);
  }

  @Test
  void anOutputRotatedBackByTheAngleHasNoError() {
    Task base = lineDrawing.create(TestConfigs.of(lineDrawing), new TestBuildContext(1));
    Episode plain = base.sample(TestBuildContext.random(9));
    Episode turned = rotated(90).sample(TestBuildContext.random(9));
    double[] target = ((SquaredErrorEpisode) plain).targets()[9];
    double[] compensated = {target[1], -target[0]};
    assertEquals(0.0, turned.loss(9, compensated), 1e-12);
    assertTrue(turned.loss(9, target) > 1, "the uncompensated movement misses");
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    Episode episode = rotated(30).sample(TestBuildContext.random(3));
    double[] y = {0.7, -1.3};
    double[] gradient = new double[2];
    episode.lossGradient(9, y, gradient);
    double h = 1e-6;
    for (int i = 0; i < 2; i++) {
      double[] up = y.clone();
      double[] down = y.clone();
      up[i] += h;
      down[i] -= h;
      assertEquals((episode.loss(9, up) - episode.loss(9, down)) / (2 * h), gradient[i], 1e-7);
    }
  }

  @Test
  void needsTwoDimensionalOutput() {
    Task oneD = TestBuildContext.taskOfSize(1, 1);
    assertThrows(ConfigException.class,
        () -> rotation.create(TestConfigs.of(rotation), new TestBuildContext(1, oneD, null)));
  }
}
