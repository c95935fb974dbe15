package org.ccsim.core.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ccsim.api.ComponentType;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Param;
import org.ccsim.core.plugin.ComponentRegistry;
import org.ccsim.core.scenario.DataSearchPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ccsim describe TYPE}: a component's parameters with types, defaults, ranges and docs. */
@Command(name = "describe", mixinStandardHelpOptions = true,
    description = "Show a component type's parameters: type, default, allowed values, meaning.")
final class DescribeCommand implements Callable<Integer> {

  @Parameters(paramLabel = "TYPE", description = "a component id, e.g. tanh-rnn")
  String id;

  private final Provider<ComponentRegistry> registry;

  @Inject
  DescribeCommand(Provider<ComponentRegistry> registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() {
    ComponentRegistry components = registry.get();
    Optional<ComponentRegistry.Entry> entry = components.find(id);
    if (entry.isEmpty()) {
      String known = components.all().stream().map(ComponentRegistry.Entry::id).collect(Collectors.joining(", "));
      System.err.println("ccsim describe: unknown component '" + id + "'; known: " + known);
      return Main.BAD_INPUT;
    }
    ComponentType<?> type = entry.get().type();
    System.out.printf("%s  (%s, plugin %s)%n  %s%n%n", type.id(), ComponentRegistry.kindName(type.kind()),
        entry.get().provider(), type.description());
    System.out.printf("  %-18s %-10s %-12s %-22s %s%n", "PARAMETER", "TYPE", "DEFAULT", "ALLOWED", "MEANING");
    for (Param p : type.parameters()) {
      System.out.printf("  %-18s %-10s %-12s %-22s %s%n", p.name(), p.type().name().toLowerCase(),
          p.required() ? "(required)" : p.defaultValue() == null ? "(absent)" : p.defaultValue(), allowed(p), p.doc());
    }
    if (type instanceof LearningRuleType rule && !rule.metrics().isEmpty()) {
      System.out.printf("%n  %-18s %s%n", "METRIC", "MEANING (record.metrics)");
      new java.util.TreeMap<>(rule.metrics()).forEach((name, doc) -> System.out.printf("  %-18s %s%n", name, doc));
    }
    if (type instanceof LearningRuleType rule && !rule.actions().isEmpty()) {
      System.out.printf("%n  %-18s %s%n", "ACTION", "MEANING (events)");
      new java.util.TreeMap<>(rule.actions()).forEach((name, doc) -> System.out.printf("  %-18s %s%n", name, doc));
    }
    return Main.OK;
  }

  private static String allowed(Param p) {
    return switch (p.type()) {
      case INTEGER, REAL -> p.range().describe().replace("must be ", "");
      case CHOICE -> String.join(" | ", p.choices());
      case COMPONENT -> ComponentRegistry.aKind(p.componentKind());
      case FILE -> "a file in the scenario's folder";
      case DATASET -> "a folder, absolute or on the data search path (--data, CCSIM_DATA, " + DataSearchPath.SYSTEM + ")";
      default -> "";
    };
  }
}
