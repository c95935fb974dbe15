package org.ccsim.api;

import java.util.List;

/**
 * The training state of a component as named arrays of numbers, for checkpoints: what a
 * {@link Stateful} component saves at a checkpoint and reads back on resume. Keys are
 * {@code /}-separated paths; {@link #child} gives a component its own scope, so components never
 * see each other's keys. Values are copied in both directions, so a snapshot never aliases a
 * component's arrays. The host owns the storage and its files.
 */
public interface Snapshot {

  /** The scope {@code name} inside this one: its keys are stored as {@code name/key}. */
  Snapshot child(String name);

  /** Stores a copy of {@code values} under {@code key}, replacing what was there. */
  void putDoubles(String key, double... values);

  /** Stores a copy of {@code values} under {@code key}, replacing what was there. */
  void putLongs(String key, long... values);

  /** A copy of the numbers under {@code key}. */
  double[] doubles(String key);

  /** A copy of the numbers under {@code key}. */
  long[] longs(String key);

  /** Whether there is an entry {@code key} in this scope. */
  boolean has(String key);

  /** The one number under {@code key}. */
  long longValue(String key);

  /** Copies the numbers under {@code key} into {@code target}, whose length they must have. */
  void copyInto(String key, double[] target);

  /** Stores the values of every one of {@code tensors}, each under its name. */
  default void putTensors(List<Tensor> tensors) {
    for (Tensor t : tensors) {
      putDoubles(t.name(), t.data());
    }
  }

  /** Restores every one of {@code tensors} in place from the entries {@link #putTensors} wrote. */
  default void copyTensorsInto(List<Tensor> tensors) {
    for (Tensor t : tensors) {
      copyInto(t.name(), t.data());
    }
  }
}
