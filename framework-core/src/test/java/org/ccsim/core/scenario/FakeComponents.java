package org.ccsim.core.scenario;

import java.util.List;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Network;
import org.ccsim.api.NetworkType;
import org.ccsim.api.Param;
import org.ccsim.api.Perturbation;
import org.ccsim.api.PerturbationType;
import org.ccsim.api.Range;
import org.ccsim.api.Task;
import org.ccsim.api.TaskType;
import org.ccsim.core.compute.JavaComputeType;
import org.ccsim.core.optim.AdamType;
import org.ccsim.core.optim.ClipNormType;
import org.ccsim.core.optim.SgdType;
import org.ccsim.core.plugin.ComponentRegistry;

/**
 * Component types that only declare parameters, so scenarios can be validated without plugins. None
 * of them can be created: validation must never need an instance.
 */
final class FakeComponents {

  static final String PLUGIN = "test-plugin";

  private FakeComponents() {
  }

  /** The fakes (provided by {@value #PLUGIN}) and the host's built-in optimisers and compute backend. */
  static ComponentRegistry registry() {
    return new ComponentRegistry(List.of(
        new ComponentRegistry.Entry(new FakeTask(), PLUGIN),
        new ComponentRegistry.Entry(new FakeNet(), PLUGIN),
        new ComponentRegistry.Entry(new FakeRule(), PLUGIN),
        new ComponentRegistry.Entry(new FakeShift(), PLUGIN),
        new ComponentRegistry.Entry(new SgdType(), ComponentRegistry.BUILT_IN),
        new ComponentRegistry.Entry(new AdamType(), ComponentRegistry.BUILT_IN),
        new ComponentRegistry.Entry(new ClipNormType(false), ComponentRegistry.BUILT_IN),
        new ComponentRegistry.Entry(new JavaComputeType(), ComponentRegistry.BUILT_IN)));
  }

  static final class FakeTask implements TaskType {
    @Override
    public String id() {
      return "fake-task";
    }

    @Override
    public String description() {
      return "a task with no parameters";
    }

    @Override
    public List<Param> parameters() {
      return List.of();
    }

    @Override
    public Task create(Config config, BuildContext context) {
      throw new UnsupportedOperationException("validation only");
    }
  }

  static final class FakeNet implements NetworkType {
    @Override
    public String id() {
      return "fake-net";
    }

    @Override
    public String description() {
      return "a network with a size and a nonlinearity";
    }

    @Override
    public List<Param> parameters() {
      return List.of(
          Param.integer("hidden", 4, Range.between(1, 100), "hidden units"),
          Param.choice("nonlinearity", "tanh", List.of("tanh", "identity"), "f in h = f(W h + U x)"));
    }

    @Override
    public Network create(Config config, BuildContext context) {
      throw new UnsupportedOperationException("validation only");
    }
  }

  static final class FakeRule implements LearningRuleType {
    @Override
    public String id() {
      return "fake-rule";
    }

    @Override
    public String description() {
      return "a rule with an optional truncation";
    }

    @Override
    public List<Param> parameters() {
      return List.of(Param.optionalInteger("truncation", Range.atLeast(1), "steps back; absent: no truncation"));
    }

    @Override
    public java.util.Map<String, String> actions() {
      return java.util.Map.of("ablate", "a lesion", "restore", "undoes it");
    }

    @Override
    public LearningRule create(Config config, BuildContext context) {
      throw new UnsupportedOperationException("validation only");
    }
  }

  static final class FakeShift implements PerturbationType {
    @Override
    public String id() {
      return "fake-shift";
    }

    @Override
    public String description() {
      return "a perturbation with one real parameter";
    }

    @Override
    public List<Param> parameters() {
      return List.of(Param.real("by", 1.0, Range.ANY, "shift of the targets"));
    }

    @Override
    public Perturbation create(Config config, BuildContext context) {
      throw new UnsupportedOperationException("validation only");
    }
  }
}
