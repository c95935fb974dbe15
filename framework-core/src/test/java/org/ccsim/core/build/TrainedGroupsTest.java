package org.ccsim.core.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ccsim.api.DivergenceException;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Tensor;
import org.ccsim.core.optim.Sgd;
import org.ccsim.core.scenario.Scenario;
import org.ccsim.core.scenario.ScenarioException;
import org.ccsim.core.results.SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group a rule declares ({@link org.ccsim.api.BuildContext#trains}) is owned by the host as the
 * network's are: stepped by the optimiser the rule's parameter or {@code training.groupOptimisers}
 * names, checked for divergence, saved and restored with the unit; and refused while building when
 * its name is taken.
 */
class TrainedGroupsTest {

  private static final String ONE_PHASE = "\"phases\": [{\"name\": \"a\", \"epochs\": 1}]";
  /** Each step hands the own group 1e-3 (t + 1): per episode of 4 steps 0.01, per batch of 2 episodes 0.02. */
  private static final double PER_BATCH = 2 * 1e-3 * (1 + 2 + 3 + 4);

  @TempDir
  Path dir;

  private BuiltScenario build(String rule, String training) throws IOException {
    return FaultyScenario.build(dir, "{\"r\": " + rule + "}", ONE_PHASE, training);
  }

  private static double[] own(TrainingUnit unit) {
    return unit.saveState().doubles("groups/extra/e");
  }

  @Test
  void theHostReservesTheStateOfEveryGroupsOptimiser() throws IOException {
    BuiltScenario sgd = build("""
        {"type": "faulty-rule", "ownGroup": true, "extraOptimiser": {"type": "sgd"}}""", "");
    BuiltScenario adam = build("""
        {"type": "faulty-rule", "ownGroup": true, "extraOptimiser": {"type": "adam"}}""",
        ", \"groupOptimisers\": {\"cortex\": {\"type\": \"adam\"},"
            + " \"readout\": {\"type\": \"clip-norm\", \"optimiser\": {\"type\": \"adam\"}}}");
    SnapshotStore unit = adam.newUnit("r", 1).saveState();
    long trainedValues = unit.entries().entrySet().stream()
        .filter(e -> e.getKey().startsWith("parameters/") || e.getKey().startsWith("groups/"))
        .mapToLong(e -> ((double[]) e.getValue()).length).sum();
    assertEquals(2.0 * Double.BYTES * trainedValues, adam.unitBytes("r") - sgd.unitBytes("r"),
        "Adam keeps two moments per value of the network's groups and the rule's own, plain SGD none");
  }

  @Test
  void theRulesOptimiserStepsItsGroupUnlessTheScenarioNamesOne() throws IOException {
    BuiltScenario rules = build("""
        {"type": "faulty-rule", "ownGroup": true, "extraOptimiser": {"type": "sgd", "learningRate": 1}}""", "");
    TrainingUnit unit = rules.newUnit("r", 1);
    unit.trainBatch(rules.task(0), 2);
    assertArrayEquals(new double[] {-PER_BATCH, -PER_BATCH}, own(unit), 1e-15);
    assertEquals(List.of("cortex", "readout", "extra"), List.copyOf(unit.trainedGroups()));

    BuiltScenario scenarios = build("""
        {"type": "faulty-rule", "ownGroup": true, "extraOptimiser": {"type": "sgd", "learningRate": 1}}""",
        ", \"groupOptimisers\": {\"extra\": {\"type\": \"sgd\", \"learningRate\": 3}}");
    TrainingUnit overridden = scenarios.newUnit("r", 1);
    overridden.trainBatch(scenarios.task(0), 2);
    assertArrayEquals(new double[] {-3 * PER_BATCH, -3 * PER_BATCH}, own(overridden), 1e-15);
  }

  @Test
  void aRestoredUnitCarriesOnWithTheGroupAsSaved() throws IOException {
    BuiltScenario built = build("""
        {"type": "faulty-rule", "ownGroup": true, "extraOptimiser": {"type": "adam", "learningRate": 0.1}}""", "");
    TrainingUnit saved = built.newUnit("r", 1);
    saved.trainBatch(built.task(0), 2);
    SnapshotStore snapshot = saved.saveState();
    TrainingUnit restored = built.newUnit("r", 1);
    restored.restoreState(snapshot);
    for (int batch = 0; batch < 2; batch++) {
      saved.trainBatch(built.task(0), 2);
      restored.trainBatch(built.task(0), 2);
    }
    assertArrayEquals(own(saved), own(restored), 0, "the group and its Adam moments were restored");
    assertTrue(snapshot.has("groups/extra/e"), "the unit's snapshot holds the group: " + snapshot.entries().keySet());
    assertTrue(own(saved)[0] != own(built.newUnit("r", 1))[0], "the group trained");
  }

  @Test
  void aNonFiniteGradientOfTheGroupIsCaughtAndNamed() throws IOException {
    BuiltScenario built = build("""
        {"type": "faulty-rule", "ownGroup": true, "fault": "extra-gradient", "atBatch": 2, "atStep": 1}""", "");
    TrainingUnit unit = built.newUnit("r", 1);
    unit.trainBatch(built.task(0), 2);
    DivergenceException e = assertThrows(DivergenceException.class, () -> unit.trainBatch(built.task(0), 2));
    assertEquals("gradient extra/e", e.quantity());
    assertEquals(1, e.step());
  }

  @Test
  void aGroupNamedLikeANetworkGroupIsRefusedAtTheRulesPath() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> build("""
        {"type": "faulty-rule", "ownGroup": true, "ownGroupName": "cortex"}""", ""));
    assertTrue(e.getMessage().contains("$.rules.r: faulty-rule trains a group 'cortex', a name the network's"
        + " parameters or the rule's other groups already have"), e.getMessage());
  }

  @Test
  void aGroupOptimiserForAGroupNobodyTrainsIsRefused() {
    ScenarioException e = assertThrows(ScenarioException.class, () -> build("""
        {"type": "faulty-rule", "ownGroup": true}""", ", \"groupOptimisers\": {\"synthesiser\": {\"type\": \"sgd\"}}"));
    assertTrue(e.getMessage().contains("$.training.groupOptimisers.synthesiser: neither the network nor a rule trains"
        + " a parameter group 'synthesiser' (trained groups: cortex, readout, extra)"), e.getMessage());
  }

  @Test
  void aClipAcrossGroupsScalesTheirGradientsHandedTogetherByOneFactor() {
    Tensor a = Tensor.zeros("a", "cortex", 1, 1);
    Tensor b = Tensor.zeros("b", "synthesiser", 1, 1);
    Tensor c = Tensor.zeros("c", "readout", 1, 1);
    TrainedGroups groups = new TrainedGroups().clip(new Scenario.GlobalClip(1, List.of("cortex", "synthesiser")))
        .declared("cortex", List.of(a), new Sgd(1)).declared("synthesiser", List.of(b), new Sgd(1))
        .declared("readout", List.of(c), new Sgd(1));

    groups.apply(new ParameterSet(List.of(new Tensor("a", "cortex", 1, 1, new double[] {3}),
        new Tensor("b", "synthesiser", 1, 1, new double[] {4}), new Tensor("c", "readout", 1, 1, new double[] {5}))), 0);

    assertArrayEquals(new double[] {-0.6}, a.data(), 1e-15, "joint norm 5 scaled to 1");
    assertArrayEquals(new double[] {-0.8}, b.data(), 1e-15);
    assertArrayEquals(new double[] {-5}, c.data(), 0, "a group outside the clip is not scaled");
  }
}
