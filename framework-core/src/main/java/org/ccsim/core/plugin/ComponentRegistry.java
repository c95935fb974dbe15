package org.ccsim.core.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.ccsim.api.ComponentType;

/**
 * Every component type the host knows, by id, with the plugin that provides it. When two plugins
 * provide the same id the first one loaded keeps it and the clash is listed in {@link #conflicts()}.
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

  private final Map<String, Entry> byId = new TreeMap<>();
  private final List<String> conflicts = new ArrayList<>();

  /** A registry of the given entries, in order of precedence. */
  public ComponentRegistry(Collection<Entry> entries) {
    for (Entry entry : entries) {
      Entry earlier = byId.putIfAbsent(entry.id(), entry);
      if (earlier != null) {
        conflicts.add("component id '" + entry.id() + "' is provided by both " + earlier.provider()
            + " and " + entry.provider() + "; using " + earlier.provider());
      }
    }
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

  /** Id clashes between plugins, in words. */
  public List<String> conflicts() {
    return List.copyOf(conflicts);
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
