package org.ccsim.core.plugin;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.ccsim.api.ComponentType;

/**
 * Every component type the host knows, by id, with the plugin that provides it, and the plugins that
 * failed, so that a scenario naming one of their components learns why it is not available. Each id
 * has one provider: {@link PluginHost} fails a plugin whose id another plugin already provides.
 */
public final class ComponentRegistry {

  /** The provider name used for the components built into the host. */
  public static final String BUILT_IN = "ccsim-core";

  /** A component type and the plugin it comes from. */
  public record Entry(ComponentType<?> type, String provider) {

    public String id() {
      return type.id();
    }
  }

  /**
   * A plugin that does not work.
   *
   * @param plugin its id (or file name, when even that could not be read)
   * @param ids the component ids it provides, as far as they are known
   * @param reason why it does not work, in one line
   */
  public record Failure(String plugin, List<String> ids, String reason) {

    public Failure {
      ids = List.copyOf(ids);
    }

    @Override
    public String toString() {
      return "plugin " + plugin + " failed: " + reason;
    }
  }

  private final Map<String, Entry> byId = new TreeMap<>();
  private final List<Failure> failures;

  /** A registry of the given entries, with no failed plugins. */
  public ComponentRegistry(Collection<Entry> entries) {
    this(entries, List.of());
  }

  /**
   * A registry of the given entries and failed plugins.
   *
   * @throws IllegalArgumentException if two entries have the same id
   */
  public ComponentRegistry(Collection<Entry> entries, Collection<Failure> failures) {
    for (Entry entry : entries) {
      Entry earlier = byId.putIfAbsent(entry.id(), entry);
      if (earlier != null) {
        throw new IllegalArgumentException("component id '" + entry.id() + "' is provided by both "
            + earlier.provider() + " and " + entry.provider());
      }
    }
    this.failures = List.copyOf(failures);
  }

  /** The entry for {@code id}, if any. */
  public Optional<Entry> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** All entries, sorted by id. */
  public Collection<Entry> all() {
    return byId.values();
  }

  /** The entries creating {@code kind}, sorted by id. */
  public List<Entry> ofKind(Class<?> kind) {
    return byId.values().stream().filter(e -> e.type().kind() == kind).toList();
  }

  /** The failed plugin known to provide {@code id}, if any. */
  public Optional<Failure> failureProviding(String id) {
    return failures.stream().filter(f -> f.ids().contains(id)).findFirst();
  }

  /** Every plugin that failed, in load order. */
  public List<Failure> failures() {
    return failures;
  }

  /** Up to {@code max} ids of the given kind closest to {@code id} by edit distance. */
  public List<Entry> closest(String id, Class<?> kind, int max) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    return ofKind(kind).stream()
        .sorted(Comparator.<Entry>comparingInt(e -> distance.apply(id, e.id())).thenComparing(Entry::id))
        .limit(max)
        .toList();
  }

  /** "a learning rule", "an optimiser": the kind in words with its article, for messages. */
  public static String aKind(Class<?> kind) {
    String name = kindName(kind);
    return ("aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ") + name;
  }

  /** "learning rule" for {@code LearningRule}: the kind in words, for messages. */
  public static String kindName(Class<?> kind) {
    return kind.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
  }
}
