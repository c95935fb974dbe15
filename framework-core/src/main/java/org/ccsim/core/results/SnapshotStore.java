package org.ccsim.core.results;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.ccsim.api.Snapshot;

/**
 * The host's {@link Snapshot}: every scope of one snapshot shares a sorted map from full key to a
 * {@code double[]} or {@code long[]}, which checkpoint files write ({@link #entries}) and read back
 * ({@link #putEntry}).
 */
public final class SnapshotStore implements Snapshot {

  private final Map<String, Object> entries;
  private final String prefix;

  /** An empty snapshot. */
  public SnapshotStore() {
    this(new TreeMap<>(), "");
  }

  private SnapshotStore(Map<String, Object> entries, String prefix) {
    this.entries = entries;
    this.prefix = prefix;
  }

  @Override
  public Snapshot child(String name) {
    checkName(name);
    return new SnapshotStore(entries, prefix + name + "/");
  }

  @Override
  public void putDoubles(String key, double... values) {
    entries.put(fullKey(key), values.clone());
  }

  @Override
  public void putLongs(String key, long... values) {
    entries.put(fullKey(key), values.clone());
  }

  @Override
  public double[] doubles(String key) {
    return entry(key, double[].class).clone();
  }

  @Override
  public long[] longs(String key) {
    return entry(key, long[].class).clone();
  }

  @Override
  public long longValue(String key) {
    long[] values = entry(key, long[].class);
    if (values.length != 1) {
      throw new IllegalStateException("snapshot entry '" + prefix + key + "' holds " + values.length + " numbers, not 1");
    }
    return values[0];
  }

  @Override
  public void copyInto(String key, double[] target) {
    double[] values = entry(key, double[].class);
    if (values.length != target.length) {
      throw new IllegalStateException("snapshot entry '" + prefix + key + "' holds " + values.length
          + " numbers where " + target.length + " are expected");
    }
    System.arraycopy(values, 0, target, 0, values.length);
  }

  @Override
  public boolean has(String key) {
    return entries.containsKey(prefix + key);
  }

  /**
   * Every entry of the whole snapshot (not only this scope), by full key in sorted order: each value is a
   * {@code double[]} or a {@code long[]}. For the host, which writes and reads checkpoint files.
   */
  public Map<String, Object> entries() {
    return Collections.unmodifiableMap(entries);
  }

  /** Stores an entry read from a checkpoint file under its full key. */
  public void putEntry(String fullKey, Object values) {
    if (!(values instanceof double[]) && !(values instanceof long[])) {
      throw new IllegalArgumentException("a snapshot entry is a double[] or a long[], not " + values.getClass());
    }
    for (String part : fullKey.split("/", -1)) {
      checkName(part);
    }
    entries.put(fullKey, values);
  }

  private String fullKey(String key) {
    for (String part : key.split("/", -1)) {
      checkName(part);
    }
    return prefix + key;
  }

  private <T> T entry(String key, Class<T> kind) {
    Object values = entries.get(prefix + key);
    if (values == null) {
      throw new IllegalStateException("the snapshot has no entry '" + prefix + key + "'");
    }
    if (!kind.isInstance(values)) {
      throw new IllegalStateException("snapshot entry '" + prefix + key + "' is not a " + kind.getSimpleName());
    }
    return kind.cast(values);
  }

  /** A part of a key: any name a plugin gives a metric or tensor, but no '/', control character, '.' or '..'. */
  private static void checkName(String name) {
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.chars().anyMatch(c -> c == '/' || c < 0x20)) {
      throw new IllegalArgumentException("bad snapshot key part '" + name
          + "': key parts are separated by '/' and may not be empty, '.', '..' or hold control characters");
    }
  }
}
