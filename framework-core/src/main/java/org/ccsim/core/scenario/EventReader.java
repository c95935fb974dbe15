package org.ccsim.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Param;
import org.ccsim.api.ParamType;
import org.ccsim.api.Range;
import org.ccsim.core.plugin.ComponentRegistry;

/**
 * Reads {@code events} (README.md, "Scenario files"): each names when, as {@code atEpoch} (counted
 * across phases) or as a {@code phase} with an {@code epoch} within it (default 1; the phase may be
 * left out when there is only one), an {@code action} and the {@code rules} that receive it. Every
 * rule named must exist and its type must declare the action ({@link LearningRuleType#actions()}).
 */
final class EventReader {

  private static final List<Param> EVENT = List.of(
      Param.optionalInteger("atEpoch", Range.atLeast(1), "the epoch, counted from 1 across phases, before which the action happens"),
      new Param("phase", ParamType.STRING, null, false, Range.ANY, List.of(), null,
          "the phase of the event (instead of atEpoch; optional when there is one phase)"),
      Param.optionalInteger("epoch", Range.atLeast(1), "the epoch within the phase (default 1)"),
      Param.required("action", ParamType.STRING, Range.ANY, "what the rules do, one of the actions their type declares"));

  private final ComponentRegistry registry;
  private final List<Problem> problems;

  EventReader(ComponentRegistry registry, List<Problem> problems) {
    this.registry = registry;
    this.problems = problems;
  }

  /** The events of {@code node} (absent: none), sorted by epoch, for the given phases and rules. */
  List<Scenario.Event> read(ParameterValidator validator, JsonNode node, List<Scenario.Phase> phases,
      Map<String, Config> rules) {
    List<Scenario.Event> events = new ArrayList<>();
    JsonPath path = JsonPath.ROOT.key("events");
    if (node.isMissingNode()) {
      return events;
    }
    if (!node.isArray()) {
      problems.add(new Problem(path, "must be an array of {\"phase\": ..., \"epoch\": ..., \"action\": ..., \"rules\": [...]}"));
      return events;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonPath at = path.index(i);
      Map<String, Object> fields = validator.fields(node.get(i), at, EVENT, Set.of("rules"), "an event");
      List<String> names = ruleNames(node.get(i).path("rules"), at.key("rules"), rules);
      int[] when = when(fields, at, phases);
      String action = (String) fields.get("action");
      if (action != null && names != null && checkAction(action, names, rules, at.key("action")) && when != null) {
        events.add(new Scenario.Event(phases.get(when[0]).name(), when[1], when[2], action, names));
      }
    }
    events.sort(Comparator.comparingInt(Scenario.Event::epoch));
    return events;
  }

  /** {phase index, epoch across phases, epoch within the phase}, or null with a problem recorded. */
  private int[] when(Map<String, Object> fields, JsonPath at, List<Scenario.Phase> phases) {
    if (phases.isEmpty()) {
      return null; // the phases have problems of their own
    }
    Long atEpoch = (Long) fields.get("atEpoch");
    String phase = (String) fields.get("phase");
    if (atEpoch != null) {
      if (phase != null || fields.containsKey("epoch")) {
        problems.add(new Problem(at.key("atEpoch"), "give either atEpoch or phase and epoch, not both"));
        return null;
      }
      int total = phases.stream().mapToInt(Scenario.Phase::epochs).sum();
      if (atEpoch > total) {
        problems.add(new Problem(at.key("atEpoch"), "must be at most " + total + ", the scenario's epochs (got " + atEpoch + ")"));
        return null;
      }
      PhaseEpoch where = PhaseEpoch.of(phases, atEpoch.intValue());
      return new int[] {where.phase(), atEpoch.intValue(), where.epochInPhase()};
    }
    if (phase == null && phases.size() > 1) {
      problems.add(new Problem(at, "needs atEpoch, or a phase (the scenario has " + phases.size() + ")"));
      return null;
    }
    int index = phase == null ? 0 : indexOf(phases, phase);
    if (index < 0) {
      problems.add(new Problem(at.key("phase"), "no phase '" + phase + "' (phases: "
          + String.join(", ", phases.stream().map(Scenario.Phase::name).toList()) + ")"));
      return null;
    }
    int epoch = fields.containsKey("epoch") ? ((Long) fields.get("epoch")).intValue() : 1;
    int length = phases.get(index).epochs();
    if (epoch > length) {
      problems.add(new Problem(at.key("epoch"), "must be at most " + length + ", the epochs of phase '"
          + phases.get(index).name() + "' (got " + epoch + ")"));
      return null;
    }
    int before = phases.subList(0, index).stream().mapToInt(Scenario.Phase::epochs).sum();
    return new int[] {index, before + epoch, epoch};
  }

  private static int indexOf(List<Scenario.Phase> phases, String name) {
    for (int p = 0; p < phases.size(); p++) {
      if (phases.get(p).name().equals(name)) {
        return p;
      }
    }
    return -1;
  }

  private List<String> ruleNames(JsonNode node, JsonPath path, Map<String, Config> rules) {
    if (!node.isArray() || node.isEmpty()) {
      problems.add(new Problem(path, (node.isMissingNode() ? "is required" : "must be a non-empty array")
          + ": the names of the rules that receive the action, from " + rules.keySet()));
      return null;
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode name = node.get(i);
      if (!name.isTextual() || !rules.containsKey(name.textValue())) {
        problems.add(new Problem(path.index(i), "must be one of the scenario's rules " + rules.keySet()
            + " (got " + ParameterValidator.shown(name) + ")"));
      } else if (!names.contains(name.textValue())) {
        names.add(name.textValue());
      }
    }
    return names.size() == node.size() ? names : null;
  }

  private boolean checkAction(String action, List<String> names, Map<String, Config> rules, JsonPath path) {
    boolean ok = true;
    for (String name : names) {
      String type = rules.get(name).type();
      Set<String> accepted = new TreeSet<>(registry.find(type)
          .map(e -> ((LearningRuleType) e.type()).actions().keySet()).orElse(Set.of()));
      if (!accepted.contains(action)) {
        problems.add(new Problem(path, "rule '" + name + "' (" + type + ") does not accept the action '" + action + "'"
            + (accepted.isEmpty() ? "; " + type + " accepts no action" : "; it accepts: " + String.join(", ", accepted))));
        ok = false;
      }
    }
    return ok;
  }
}
