package org.ccsim.core.build;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccsim.api.Finite;
import org.ccsim.api.Optimiser;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Snapshot;
import org.ccsim.api.Tensor;
import org.ccsim.core.optim.ClipNorm;
import org.ccsim.core.scenario.Scenario;

/**
 * Everything a training unit trains, by parameter group, each group with its optimiser: the
 * network's groups, and the groups its learning rule declared ({@link org.ccsim.api.BuildContext#trains},
 * a synthesiser's weights say). The one place where gradients become weight changes ("the rule
 * computes, the host applies"): it checks every gradient handed over and every weight after the
 * step to be finite ({@link Finite}), and saves and restores the weights and optimiser states for
 * checkpoints, so that a rule with a group of its own needs neither.
 *
 * <p>A clip across groups ({@code training.clipGlobalNorm}) scales the gradients of its groups that
 * are handed over together by one factor, so that their joint L2 norm is at most its maximum, before
 * any group steps; a rule hands the cortex's gradient and its own together when it updates both at
 * the same point (once per batch or window), so that such a clip sees both.
 *
 * <p>Checkpoint layout: the network's tensors under {@code parameters/<tensor>}, a declared group's
 * under {@code groups/<group>/<tensor>}, each group's optimiser under {@code optimisers/<group>}.
 */
public final class TrainedGroups {

  /** One group's tensors (shared with their owner, not copied) and the optimiser that steps them. */
  private record Group(List<Tensor> tensors, Optimiser optimiser, boolean declared) {
  }

  private final Map<String, Group> groups = new LinkedHashMap<>();
  private Scenario.GlobalClip clip;

  /** Adds the groups of a network's {@code parameters}, each stepped by {@code optimisers.get(group)}. */
  public TrainedGroups network(ParameterSet parameters, Map<String, Optimiser> optimisers) {
    for (String group : parameters.groups()) {
      add(group, new Group(parameters.group(group), optimisers.get(group), false));
    }
    return this;
  }

  /** Clips the gradients of {@code clip}'s groups jointly ({@code null}: no clip across groups). */
  public TrainedGroups clip(Scenario.GlobalClip clip) {
    this.clip = clip;
    return this;
  }

  /** Adds a group a rule declared, stepped by {@code optimiser}. */
  public TrainedGroups declared(String group, List<Tensor> tensors, Optimiser optimiser) {
    add(group, new Group(List.copyOf(tensors), optimiser, true));
    return this;
  }

  private void add(String group, Group entry) {
    if (entry.optimiser() == null) {
      throw new IllegalArgumentException("no optimiser for group '" + group + "'");
    }
    if (groups.putIfAbsent(group, entry) != null) {
      throw new IllegalArgumentException("the group '" + group + "' is trained twice");
    }
  }

  /** The groups' names, in order. */
  public Set<String> names() {
    return Collections.unmodifiableSet(groups.keySet());
  }

  /** The tensor {@code name} of {@code group}, if it has one. */
  public Optional<Tensor> tensor(String group, String name) {
    return groups.get(group).tensors().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** Whether {@code group} is one of these groups. */
  public boolean contains(String group) {
    return groups.containsKey(group);
  }

  /**
   * Steps the optimiser of every group in {@code gradient} with that group's tensors of it; groups
   * absent from it are left alone.
   *
   * @param step the episode step a divergence is charged to
   * @throws org.ccsim.api.DivergenceException if a gradient value, or a weight after its group's
   *     step, is NaN or infinite
   * @throws IllegalArgumentException for a group not trained here, or tensors other than the group's
   */
  public void apply(ParameterSet gradient, int step) {
    Finite.check("gradient", step, gradient);
    if (clip != null) {
      ClipNorm.clipJointly(gradient.tensors().stream().filter(g -> clip.groups().contains(g.group())).toList(),
          clip.maxNorm());
    }
    for (String name : gradient.groups()) {
      Group group = groups.get(name);
      if (group == null) {
        throw new IllegalArgumentException("a gradient for the group '" + name + "', which is not trained here; trained: "
            + groups.keySet());
      }
      List<Tensor> grads = gradient.group(name);
      checkMatches(name, group.tensors(), grads);
      group.optimiser().step(group.tensors(), grads);
      Finite.check("weight", step, group.tensors());
    }
  }

  /**
   * Steps only the groups of {@code gradient} that a rule declared, as {@link #apply} does, and leaves the
   * network's alone: a rule following a passive comparison trains its own groups on the leader's weights.
   */
  public void applyDeclared(ParameterSet gradient, int step) {
    List<Tensor> declared = gradient.tensors().stream()
        .filter(t -> groups.containsKey(t.group()) && groups.get(t.group()).declared()).toList();
    if (!declared.isEmpty()) {
      apply(new ParameterSet(declared), step);
    }
  }

  private static void checkMatches(String group, List<Tensor> tensors, List<Tensor> grads) {
    boolean same = tensors.size() == grads.size();
    for (int i = 0; same && i < tensors.size(); i++) {
      same = tensors.get(i).name().equals(grads.get(i).name())
          && tensors.get(i).data().length == grads.get(i).data().length;
    }
    if (!same) {
      throw new IllegalArgumentException("the gradient of group '" + group + "' has tensors " + grads
          + " but the group has " + tensors);
    }
  }

  /** Saves every group's weights and optimiser state into {@code into}. */
  public void save(Snapshot into) {
    groups.forEach((name, group) -> {
      weights(into, name, group).putTensors(group.tensors());
      group.optimiser().saveState(into.child("optimisers").child(name));
    });
  }

  /** Restores what {@link #save} saved into these (freshly built) groups. */
  public void restore(Snapshot from) {
    groups.forEach((name, group) -> {
      weights(from, name, group).copyTensorsInto(group.tensors());
      group.optimiser().restoreState(from.child("optimisers").child(name));
    });
  }

  private static Snapshot weights(Snapshot snapshot, String name, Group group) {
    return group.declared() ? snapshot.child("groups").child(name) : snapshot.child("parameters");
  }
}
