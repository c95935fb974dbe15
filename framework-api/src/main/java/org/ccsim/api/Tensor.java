package org.ccsim.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named, mutable, row-major matrix of parameters or of their gradients. A vector is a tensor with
 * one column.
 *
 * @param name e.g. {@code "W_rec"}
 * @param group the parameter group it belongs to ({@code "cortex"}, {@code "readout"}); each group
 *     can have its own optimiser
 * @param rows number of rows
 * @param cols number of columns
 * @param data {@code rows * cols} values, element {@code (i, j)} at {@code i * cols + j}
 */
public record Tensor(String name, String group, int rows, int cols, double[] data) {

  public Tensor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(group, "group");
    if (data.length != (long) rows * cols) {
      throw new IllegalArgumentException(name + ": " + data.length + " values for " + rows + "x" + cols);
    }
  }

  /** A zero tensor. */
  public static Tensor zeros(String name, String group, int rows, int cols) {
    return new Tensor(name, group, rows, cols, new double[Math.multiplyExact(rows, cols)]);
  }

  /** A tensor of values drawn from U(-bound, bound), in storage order (as PyTorch initialises its layers). */
  public static Tensor uniform(String name, String group, int rows, int cols, double bound,
      java.util.random.RandomGenerator random) {
    Tensor t = zeros(name, group, rows, cols);
    for (int i = 0; i < t.data.length; i++) {
      t.data[i] = random.nextDouble(-bound, bound);
    }
    return t;
  }

  /** A tensor of values drawn from N(0, sd^2), in storage order. */
  public static Tensor gaussian(String name, String group, int rows, int cols, double sd,
      java.util.random.RandomGenerator random) {
    Tensor t = zeros(name, group, rows, cols);
    for (int i = 0; i < t.data.length; i++) {
      t.data[i] = sd * random.nextGaussian();
    }
    return t;
  }

  /** A deep copy. */
  public Tensor copy() {
    return new Tensor(name, group, rows, cols, data.clone());
  }

  /** A zero tensor of the same name, group and shape. */
  public Tensor zerosLike() {
    return zeros(name, group, rows, cols);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tensor that
        && name.equals(that.name) && group.equals(that.group)
        && rows == that.rows && cols == that.cols && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, group, rows, cols, Arrays.hashCode(data));
  }

  @Override
  public String toString() {
    return name + "[" + group + ", " + rows + "x" + cols + "]";
  }
}
