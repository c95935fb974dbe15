package example.gate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.Episode;
import org.ccsim.api.Param;
import org.ccsim.api.Perturbation;
import org.ccsim.api.PerturbationType;
import org.ccsim.api.Probe;
import org.ccsim.api.Range;
import org.ccsim.api.Task;
import org.pf4j.Extension;

/**
 * A perturbation for process-level tests that changes nothing: its task returns the base task's
 * episodes, drawn from the same random numbers. In a JVM started with {@code -Dccsim.test.gate=DIR}
 * it also holds one unit at a known point, so a test can signal a run in a known state: the
 * {@code unit}-th unit (counted by its sample stream, in the order units reach that point) that asks
 * for its {@code episode}-th episode of the phase creates {@code DIR/reached} and waits until
 * {@code DIR/open} exists. In a task of a SLURM job array the gate is {@code DIR/TASK}, one per task
 * ({@code SLURM_ARRAY_TASK_ID}), and a requeued task passes the gate once it is open. Dry
 * runs draw one batch, so they never reach an episode past the first batch. Without the property it
 * never waits.
 */
@Extension
public final class HoldType implements PerturbationType {

  @Override
  public String id() {
    return "test-hold";
  }

  @Override
  public String description() {
    return "changes nothing; holds one unit at a known episode when the JVM has -Dccsim.test.gate=DIR";
  }

  @Override
  public List<Param> parameters() {
    return List.of(
        Param.integer("unit", 1, Range.between(1, 1000), "which unit to hold, in the order units reach the episode"),
        Param.integer("episode", 1, Range.between(1, 1_000_000), "the episode of the phase at which it is held"));
  }

  @Override
  public Perturbation create(Config config, BuildContext context) {
    String gate = System.getProperty("ccsim.test.gate");
    if (gate == null) {
      return task -> task;
    }
    String arrayTask = System.getenv("SLURM_ARRAY_TASK_ID");
    Path dir = arrayTask == null ? Path.of(gate) : Path.of(gate, arrayTask);
    return task -> new Held(task, dir, config.integer("unit"), config.integer("episode"));
  }

  private static final class Held implements Task {
    private final Task base;
    private final Path gate;
    private final int unit;
    private final int episode;
    private final Map<RandomGenerator, Integer> drawn = new IdentityHashMap<>();
    private int reached;

    Held(Task base, Path gate, int unit, int episode) {
      this.base = base;
      this.gate = gate;
      this.unit = unit;
      this.episode = episode;
    }

    @Override
    public int inputSize() {
      return base.inputSize();
    }

    @Override
    public int outputSize() {
      return base.outputSize();
    }

    @Override
    public List<Probe> probes() {
      return base.probes();
    }

    @Override
    public Episode sample(RandomGenerator random) {
      if (countAndCheck(random)) {
        hold();
      }
      return base.sample(random);
    }

    private synchronized boolean countAndCheck(RandomGenerator random) {
      int n = drawn.merge(random, 1, Integer::sum);
      return n == episode && ++reached == unit;
    }

    private void hold() {
      try {
        Files.createDirectories(gate);
        Files.write(gate.resolve("reached"), new byte[0]);
        while (!Files.exists(gate.resolve("open"))) {
          Thread.sleep(10);
        }
      } catch (Exception e) {
        throw new IllegalStateException("test-hold: " + e, e);
      }
    }
  }
}
