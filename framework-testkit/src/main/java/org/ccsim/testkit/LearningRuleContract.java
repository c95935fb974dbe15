package org.ccsim.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.ccsim.api.Config;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.LearningRuleType;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Snapshot;
import org.ccsim.api.Step;
import org.ccsim.api.Task;
import org.ccsim.api.Tensor;
import org.ccsim.api.TrainingContext;
import org.ccsim.core.results.SnapshotStore;
import org.ccsim.core.build.TrainedGroups;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link org.ccsim.api.LearningRuleType}, on the {@link #network()} the test
 * provides and random episodes with targets on every second step: two rules built from equal seeds
 * train identically, a rule built again (a reset) repeats the first one's gradients, a rule restored
 * from a checkpoint {@link Snapshot} (its own state, and the groups it trains beside the network,
 * saved as the host saves them) trains as the saved one, every gradient is finite and shaped like
 * the parameters of its group, every output is reported; and for the configurations in
 * {@link #exactConfigs()}, the gradient on a frozen trajectory equals central finite differences of
 * the batch's mean episode loss.
 */
public abstract class LearningRuleContract extends ComponentContract<LearningRule> {

  /** Largest relative error accepted for a rule that claims the exact gradient. */
  protected static final double TOLERANCE = 1e-6;

  private static final int BATCHES = 3;
  private static final int EPISODES = 3;
  private static final int STEPS = 6;

  /** The network the rule trains. */
  @Override
  protected abstract Network network();

  /** A task sampling episodes like the ones the contract trains on, for rules that look at it while built. */
  @Override
  protected Task task() {
    int inputs = network().inputSize();
    int outputs = network().outputSize();
    return TestBuildContext.task(inputs, outputs, random -> TestEpisodes.masked(1, STEPS, inputs, outputs, 2, random).get(0));
  }

  /** Configurations whose gradient is the exact gradient of the mean episode loss; default none. */
  protected List<Config> exactConfigs() {
    return List.of();
  }

  @Test
  void equalSeedsTrainIdenticallyAndARebuiltRuleRepeatsTheRun() {
    for (Config config : configs()) {
      RecordingTrainingContext first = train(unit(config, 9));
      RecordingTrainingContext second = train(unit(config, 9));
      assertEquals(first.parameters(), second.parameters(), config + ": equal seeds, equal parameters after training");
      assertEquals(first.gradients(), second.gradients(), config + ": equal gradients");
      assertEquals(first.gradients(), train(unit(config, 9)).gradients(), config + ": rebuilt rule repeats the run");
    }
  }

  @Test
  void gradientsAreFiniteAndShapedAndEveryOutputIsReported() {
    for (Config config : configs()) {
      Unit unit = unit(config, 9);
      RecordingTrainingContext context = train(unit);
      assertFalse(context.gradients().isEmpty(), config + ": hands over gradients");
      for (ParameterSet gradient : context.gradients()) {
        for (Tensor g : gradient.tensors()) {
          Tensor t = unit.groups().contains(g.group()) ? unit.groups().tensor(g.group(), g.name()).orElseThrow()
              : context.parameters().get(g.name());
          assertEquals(t.group(), g.group(), g.name() + " group");
          assertEquals(t.rows() * t.cols(), g.rows() * g.cols(), g.name() + " shape");
          TaskContract.assertFinite(g.data(), "gradient of " + g.name());
        }
      }
      assertEquals(BATCHES * EPISODES * STEPS, context.outputsObserved(), config + ": one output per step and episode");
    }
  }

  /**
   * Checkpoints: a rule saved after a batch and restored into a freshly built rule hands over exactly
   * the gradients the saved one does on the following batches; once without actions, and once for each
   * action the type declares, sent between the first and the second batch (so the rule has learned
   * before the action and the state the action sets is saved too).
   */
  @Test
  void aRestoredRuleTrainsExactlyAsTheSavedOne() {
    List<String> cases = new ArrayList<>();
    cases.add(null);
    cases.addAll(new TreeSet<>(((LearningRuleType) type()).actions().keySet()));
    for (Config config : configs()) {
      for (String action : cases) {
        Unit saved = unit(config, 9);
        ParameterSet params = network().initialParameters(TestBuildContext.random(10));
        RecordingTrainingContext before = saved.context(params);
        saved.rule().train(episodes(100), new OutputChecking(before, network().outputSize()));
        if (action != null) {
          saved.rule().act(action);
        }
        saved.rule().train(episodes(101), before);
        Snapshot snapshot = new SnapshotStore();
        saved.rule().saveState(snapshot.child("rule"));
        saved.groups().save(snapshot.child("groups"));
        ParameterSet paramsAtSave = params.copy();
        RecordingTrainingContext after = saved.context(params);
        Unit restored = unit(config, 9);
        restored.rule().restoreState(snapshot.child("rule"));
        restored.groups().restore(snapshot.child("groups"));
        RecordingTrainingContext resumed = restored.context(paramsAtSave);
        for (long b = 102; b < 104; b++) {
          saved.rule().train(episodes(b), after);
          restored.rule().train(episodes(b), resumed);
        }
        assertEquals(after.gradients(), resumed.gradients(),
            config + (action == null ? "" : ", after " + action) + ": gradients after restoring a snapshot");
      }
    }
  }

  @Test
  void exactGradientsMatchFiniteDifferencesOnAFrozenTrajectory() {
    Network net = network();
    for (Config config : exactConfigs()) {
      ParameterSet params = net.initialParameters(TestBuildContext.random(12));
      List<Episode> batch = episodes(13);
      Unit unit = unit(config, 9);
      RecordingTrainingContext context = new RecordingTrainingContext(params).training(unit.groups());
      unit.rule().train(batch, context);
      ParameterSet expected = FiniteDifferences.gradient(params, p -> meanLoss(net, p, batch));
      double error = FiniteDifferences.relativeError(context.total(), expected);
      assertTrue(error < TOLERANCE, config + ": relative error " + error + " against finite differences");
    }
  }

  /** A rule as the host builds it: the instance, and the groups it declared with their optimisers. */
  private record Unit(LearningRule rule, TrainedGroups groups) {

    /** A context descending on {@code params} and stepping the rule's own groups. */
    RecordingTrainingContext context(ParameterSet params) {
      return RecordingTrainingContext.applying(params, 0.05).training(groups);
    }
  }

  private Unit unit(Config config, long seed) {
    TestBuildContext context = buildContext(seed);
    Config resolved = resolved(config);
    LearningRule rule = type().create(resolved, context);
    return new Unit(rule, context.trainedGroups(resolved));
  }

  private RecordingTrainingContext train(Unit unit) {
    RecordingTrainingContext context = unit.context(network().initialParameters(TestBuildContext.random(10)));
    TrainingContext checking = new OutputChecking(context, network().outputSize());
    for (int b = 0; b < BATCHES; b++) {
      unit.rule().train(episodes(100 + b), checking);
    }
    return context;
  }

  private List<Episode> episodes(long seed) {
    return TestEpisodes.masked(EPISODES, STEPS, network().inputSize(), network().outputSize(), 2,
        TestBuildContext.random(seed));
  }

  private static double meanLoss(Network net, ParameterSet params, List<Episode> batch) {
    double sum = 0;
    for (Episode episode : batch) {
      double[] h = net.initialState();
      for (int t = 0; t < episode.length(); t++) {
        Step step = net.newStep();
        net.forward(params, h, episode.input(t), step);
        sum += episode.loss(t, step.y);
        h = step.h;
      }
    }
    return sum / batch.size();
  }

  /** Passes everything on, checking each reported output's size and values on the way. */
  private record OutputChecking(RecordingTrainingContext inner, int outputs) implements TrainingContext {

    @Override
    public ParameterSet parameters() {
      return inner.parameters();
    }

    @Override
    public void apply(ParameterSet gradient) {
      inner.apply(gradient);
    }

    @Override
    public void observeOutput(Episode episode, int t, double[] y) {
      assertEquals(outputs, y.length, "output size");
      TaskContract.assertFinite(y, "output at step " + t);
      inner.observeOutput(episode, t, y);
    }

    @Override
    public boolean records(String metric) {
      return inner.records(metric);
    }

    @Override
    public void record(String metric, double value) {
      inner.record(metric, value);
    }
  }
}
