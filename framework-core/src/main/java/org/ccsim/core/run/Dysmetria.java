package org.ccsim.core.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccsim.core.results.TrajectoryRow;

/**
 * The host's {@code dysmetria} metric: how far the hand paths on a task's probes stray from the
 * probes' target paths in shape, whatever the speed along them. It stands for the "dysmetria score"
 * of Boven et al. (2023, Nat. Commun. 14:51), defined in its Methods and plotted in its Fig. 3c as a
 * measure of how irregular the model's movements are when it is tested after training (by which the
 * cerebellar model is said to show less dysmetria). ccsim could not consult the formula of those
 * Methods (README.md, "Dysmetria"), so this is its own operationalisation of that description.
 *
 * <p>For one probe with hand positions {@code y_1..y_T} (the network's outputs at every step, scored
 * or not) and target path {@code y*_1..y*_T} ({@link org.ccsim.api.Probe#path}), with {@code d(x, C)}
 * the Euclidean distance from a point to the polyline through the points of {@code C}:
 *
 * <pre>
 *   D = 1/2 [ (1/T) sum_t d(y_t, y*) + (1/T) sum_t d(y*_t, y) ]
 * </pre>
 *
 * The first term grows with every lateral wobble and with overshoot past the path's end
 * (hypermetria), the second with undershoot (hypometria: a hand that stops short, or never moves,
 * leaves target points far from its path). D is 0 exactly when every hand point lies on the target's
 * polyline and every target point on the hand's: for the target path itself, and for any hand path
 * along a straight target line from its first to its last point, at any speed (timing errors along
 * the path are the {@code loss}'s). D is in the units of the outputs, not normalised; the metric is
 * the mean of D over the task's probes.
 */
final class Dysmetria {

  private Dysmetria() {
  }

  /** The mean of D over the probes of one probe run ({@link ProbeRun#rows}), each probe's steps in order. */
  static double mean(List<TrajectoryRow> rows) {
    Map<String, List<TrajectoryRow>> probes = new LinkedHashMap<>();
    for (TrajectoryRow row : rows) {
      probes.computeIfAbsent(row.probe(), p -> new ArrayList<>()).add(row);
    }
    double sum = 0;
    for (List<TrajectoryRow> probe : probes.values()) {
      double[][] hand = probe.stream().map(TrajectoryRow::output).toArray(double[][]::new);
      double[][] path = probe.stream().map(TrajectoryRow::target).toArray(double[][]::new);
      sum += of(hand, path);
    }
    return sum / probes.size();
  }

  /** D of one hand path against its target path (points of any one dimension; at least one each). */
  static double of(double[][] hand, double[][] path) {
    return (meanDistance(hand, path) + meanDistance(path, hand)) / 2;
  }

  /** The mean over {@code points} of their distance to the polyline through {@code curve}. */
  private static double meanDistance(double[][] points, double[][] curve) {
    double sum = 0;
    for (double[] x : points) {
      double nearest = distance(x, curve[0], curve[0]);
      for (int i = 1; i < curve.length; i++) {
        nearest = Math.min(nearest, distance(x, curve[i - 1], curve[i]));
      }
      sum += nearest;
    }
    return sum / points.length;
  }

  /** The distance from {@code x} to the segment from {@code a} to {@code b} (a point when they coincide). */
  private static double distance(double[] x, double[] a, double[] b) {
    double along = 0;
    double length2 = 0;
    for (int i = 0; i < x.length; i++) {
      along += (x[i] - a[i]) * (b[i] - a[i]);
      length2 += (b[i] - a[i]) * (b[i] - a[i]);
    }
    double u = length2 == 0 ? 0 : Math.max(0, Math.min(1, along / length2));
    double squared = 0;
    for (int i = 0; i < x.length; i++) {
      double gap = x[i] - (a[i] + u * (b[i] - a[i]));
      squared += gap * gap;
    }
    return Math.sqrt(squared);
  }
}
