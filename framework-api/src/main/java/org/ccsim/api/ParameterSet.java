package org.ccsim.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An ordered set of named tensors: a network's parameters, or a gradient of the same shape.
 * The tensors themselves are mutable; the set of names is fixed.
 */
public final class ParameterSet {

  private final Map<String, Tensor> tensors = new LinkedHashMap<>();
  /** The same tensors in order, for the arithmetic methods: looping over an array allocates nothing. */
  private final Tensor[] ordered;

  /** A set holding {@code tensors} (not copied), in the given order. */
  public ParameterSet(List<Tensor> tensors) {
    for (Tensor t : tensors) {
      if (this.tensors.put(t.name(), t) != null) {
        throw new IllegalArgumentException("duplicate tensor name " + t.name());
      }
    }
    this.ordered = tensors.toArray(Tensor[]::new);
  }

  /** The tensor called {@code name}. */
  public Tensor get(String name) {
    Tensor t = tensors.get(name);
    if (t == null) {
      throw new NoSuchElementException("no tensor '" + name + "' in " + tensors.keySet());
    }
    return t;
  }

  /** All tensors, in order. */
  public List<Tensor> tensors() {
    return Collections.unmodifiableList(new ArrayList<>(tensors.values()));
  }

  /** The tensors in order, not copied: for loops that must not allocate. Callers do not change the array. */
  Tensor[] ordered() {
    return ordered;
  }

  /** The tensors of one group, in order. */
  public List<Tensor> group(String group) {
    return tensors.values().stream().filter(t -> t.group().equals(group)).toList();
  }

  /** The distinct group names, in order of first appearance. */
  public List<String> groups() {
    return tensors.values().stream().map(Tensor::group).distinct().toList();
  }

  /** A deep copy. */
  public ParameterSet copy() {
    return new ParameterSet(tensors.values().stream().map(Tensor::copy).toList());
  }

  /** Zeros of the same names, groups and shapes: a gradient accumulator. */
  public ParameterSet zerosLike() {
    return new ParameterSet(tensors.values().stream().map(Tensor::zerosLike).toList());
  }

  /** {@code this += scale * other}, tensor by tensor. */
  public void addScaled(ParameterSet other, double scale) {
    for (Tensor t : ordered) {
      double[] target = t.data();
      double[] source = other.get(t.name()).data();
      for (int i = 0; i < target.length; i++) {
        target[i] += scale * source[i];
      }
    }
  }

  /** {@code this *= factor}, every value. */
  public void scale(double factor) {
    for (Tensor t : ordered) {
      double[] data = t.data();
      for (int i = 0; i < data.length; i++) {
        data[i] *= factor;
      }
    }
  }

  /** Sets every value to zero. */
  public void clear() {
    for (Tensor t : ordered) {
      java.util.Arrays.fill(t.data(), 0.0);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ParameterSet that && tensors.equals(that.tensors);
  }

  @Override
  public int hashCode() {
    return tensors.hashCode();
  }

  @Override
  public String toString() {
    return tensors.values().toString();
  }
}
