package org.ccsim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ccsim.core.seed.SeedTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resolved scenario written by {@link ScenarioWriter} reads back as the same {@link Scenario}. */
class ScenarioWriterRoundTripTest {

  /**
   * Uses every part the writer handles: nested components, group optimisers, a clip across groups, phases,
   * perturbations, events, summary measures.
   */
  private static final String FULL = """
      {
        'scenario': 'round-trip',
        'description': 'every part the writer handles',
        'seed': -42,
        'replicates': 3,
        'task': {'type': 'fake-task'},
        'network': {'type': 'fake-net', 'nonlinearity': 'identity'},
        'training': {'batchSize': 4, 'batchesPerEpoch': 2,
                     'optimiser': {'type': 'clip-norm', 'maxNorm': 0.5, 'optimiser': {'type': 'sgd', 'learningRate': 0.3}},
                     'groupOptimisers': {'readout': {'type': 'adam', 'learningRate': 1}},
                     'clipGlobalNorm': {'maxNorm': 1.5, 'groups': ['cortex', 'readout']}},
        'rules': {'tbptt-1': {'type': 'fake-rule', 'truncation': 1}, 'bptt': {'type': 'fake-rule'}},
        'phases': [{'name': 'baseline', 'epochs': 2},
                   {'name': 'shifted', 'epochs': 3, 'perturbation': {'type': 'fake-shift', 'by': 0.1}}],
        'events': [{'atEpoch': 4, 'action': 'ablate', 'rules': ['bptt', 'tbptt-1']},
                   {'phase': 'baseline', 'epoch': 2, 'action': 'restore', 'rules': ['bptt']}],
        'record': {'every': 2, 'metrics': ['loss'], 'trajectories': false},
        'summary': {'atEpochs': [2, 4], 'auc': false}
      }
      """;

  @TempDir
  Path dir;

  private final ScenarioReader reader = new ScenarioReader(FakeComponents.registry());

  private Scenario roundTrip(Scenario scenario, Map<String, Long> derivedSeeds) {
    String written = ScenarioWriter.toJson(scenario, derivedSeeds).toPrettyString();
    return reader.read(ScenarioFiles.write(dir, "resolved.json", written), List.of());
  }

  @Test
  void fullScenarioReadsBackEqual() {
    Scenario scenario = reader.read(ScenarioFiles.write(dir, "full.json", FULL), List.of());

    assertEquals(scenario, roundTrip(scenario, Map.of()));
  }

  @Test
  void keepsTheOrderOfRules() {
    Scenario scenario = reader.read(ScenarioFiles.write(dir, "full.json", FULL), List.of());

    assertEquals(List.of("tbptt-1", "bptt"), List.copyOf(roundTrip(scenario, Map.of()).rules().keySet()));
  }

  @Test
  void scenarioWithDefaultsOnlyReadsBackEqual() {
    Scenario scenario = reader.read(ScenarioFiles.write(dir, "minimal.json", ScenarioFiles.MINIMAL), List.of());

    assertEquals(scenario, roundTrip(scenario, Map.of()));
  }

  @Test
  void writtenDerivedSeedsAreAcceptedOnReading() {
    Scenario scenario = reader.read(ScenarioFiles.write(dir, "minimal.json", ScenarioFiles.MINIMAL), List.of());
    SeedTree seeds = new SeedTree(scenario.seed());
    seeds.child("task").random();
    seeds.child("rules").child("bptt").child("weights").random();

    assertEquals(scenario, roundTrip(scenario, seeds.issuedSeeds()));
  }
}
