package org.ccsim.core.seed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.ccsim.api.ReplayableRandom;

/**
 * A tree of seeds derived by name from one master seed (after Nengo's hierarchical seeding): a
 * child's seed is the first 8 bytes of SHA-256(parent seed, child name), so it depends only on the
 * path of names from the root. Adding a component or a stream never changes another's numbers.
 * Every seed handed out is recorded under its path, so a run can write all of them down.
 *
 * <p>Streams are {@link ReplayableRandom}s ({@code L64X128MixRandom}, JDK 17), whose algorithm is fixed
 * by its specification, so a seed means the same numbers on every conforming JVM. No clock seeds.
 */
public final class SeedTree {

  private final String path;
  private final long seed;
  private final Map<String, Long> issued;

  /** The root of a tree. */
  public SeedTree(long masterSeed) {
    this("", masterSeed, new ConcurrentSkipListMap<>());
  }

  private SeedTree(String path, long seed, Map<String, Long> issued) {
    this.path = path;
    this.seed = seed;
    this.issued = issued;
  }

  /** The child named {@code name}; names may not contain '/'. */
  public SeedTree child(String name) {
    if (name.isEmpty() || name.contains("/")) {
      throw new IllegalArgumentException("bad seed name '" + name + "'");
    }
    return new SeedTree(path.isEmpty() ? name : path + "/" + name, derive(seed, name), issued);
  }

  /** This node's seed. */
  public long seed() {
    return seed;
  }

  /** This node's path from the root, names joined by '/'. */
  public String path() {
    return path;
  }

  /** A fresh generator seeded with this node's seed; the seed is recorded under its path. */
  public ReplayableRandom random() {
    issued.put(path, seed);
    return new ReplayableRandom(seed);
  }

  /** Every seed handed out by {@link #random()} anywhere in this tree, by path, sorted. */
  public Map<String, Long> issuedSeeds() {
    return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(issued));
  }

  /** The seed of the child {@code name} of a node with seed {@code parent}. */
  static long derive(long parent, String name) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ByteBuffer.allocate(Long.BYTES).putLong(parent).array());
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(sha.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
