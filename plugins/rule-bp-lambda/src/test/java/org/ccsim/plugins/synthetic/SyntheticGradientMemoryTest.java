package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.ArrayList;
import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.Network;
import org.ccsim.api.Task;
import org.ccsim.core.optim.Adam;
import org.ccsim.core.optim.AdamType;
import org.ccsim.plugins.synthesisers.LinearSynthesiserType;
import org.ccsim.plugins.synthesisers.MlpSynthesiserType;
import org.ccsim.plugins.synthetic.bplambda.BpLambdaType;
import org.ccsim.plugins.synthetic.dni.DniType;
import org.ccsim.plugins.synthetic.lambdasg.LambdaSgType;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.ccsim.testkit.TestEpisodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The memory the synthesisers and synthetic-gradient rules declare per training unit, against hand
 * counts for a cortex of m 3, n 5, k 2, batches of 4 episodes of T 6 steps and a linear synthesiser
 * (P = 30 values: W_s 5 x 5, b_s 5, each held with a gradient: 30 x 2 doubles = 480 bytes; the host
 * adds the state of the optimiser the scenario chooses).
 */
class SyntheticGradientMemoryTest {

  private static final int BATCH = 4;
  private static final double LINEAR = 30 * 2 * 8;
  /** batch 4 x T 6 x (m 3 + 6 n + k 2) doubles. */
  private static final double RECORDS = 4 * 6 * (3 + 30 + 2) * 8;

  private final Network cortex = SyntheticFixtures.tanhRnn(3, 5, 2);
  private final Task task = TestBuildContext.task(3, 2, random -> TestEpisodes.masked(1, 6, 3, 2, 2, random).get(0));

  @Test
  void theLinearSynthesiserDeclaresItsWeights() {
    TestBuildContext context = context();
    LinearSynthesiserType type = new LinearSynthesiserType();
    type.create(TestConfigs.of(type), context);
    assertEquals(LINEAR, context.reservedBytes());
  }

  @ParameterizedTest(name = "trainOutputOnly {0}")
  @CsvSource({
      // hidden W_1 4 x 3 + b_1 4 + W_2 4 x 4 + b_2 4 = 36 values, output W_o 3 x 4 + b_o 3 = 15
      "true, 816",     // 15 + 36 values x 2 doubles
      "false, 816"})   // 51 x 2 doubles
  void theMlpDeclaresTrainedAndFixedLayers(boolean outputOnly, double bytes) {
    TestBuildContext context = new TestBuildContext(1, null, SyntheticFixtures.tanhRnn(1, 3, 1));
    MlpSynthesiserType type = new MlpSynthesiserType();
    type.create(TestConfigs.of(type, "hidden", 4, "layers", 2, "trainOutputOnly", outputOnly), context);
    assertEquals(bytes, context.reservedBytes());
  }

  @Test
  void bpLambdaInTraceFormDeclaresTwoTracesOfNByPPerExample() {
    // traces 4 x (2 x 5 x 30 + 5 x 5) doubles; updates (4 + 1) x 30 + 30 doubles
    assertEquals(LINEAR + 4 * (2 * 5 * 30 + 25) * 8 + RECORDS + (5 * 30 + 30) * 8, bpLambda("trace"));
  }

  @Test
  void bpLambdaInHistoryFormDeclaresTheEpisodesJacobians() {
    // room for 8 steps of J_t and h_t, and a gradient of theta, per example: 4 x (8 x (25 + 5) + 30) doubles
    assertEquals(LINEAR + 4 * (8 * 30 + 30) * 8 + RECORDS + (5 * 30 + 30) * 8, bpLambda("history"));
  }

  @Test
  void dniAndLambdaSgDeclareTheEpisodeRecords() {
    TestBuildContext dni = context();
    new DniType().create(withLinear(new DniType()), dni);
    assertEquals(LINEAR + RECORDS, dni.reservedBytes());
    TestBuildContext lambdaSg = context();
    new LambdaSgType().create(withLinear(new LambdaSgType()), lambdaSg);
    assertEquals(LINEAR + RECORDS, lambdaSg.reservedBytes());
  }

  private double bpLambda(String form) {
    TestBuildContext context = context();
    BpLambdaType type = new BpLambdaType();
    type.create(withLinear(type, "traceForm", form), context);
    return context.reservedBytes();
  }

  /** The rule's configuration with a linear synthesiser trained by Adam. */
  private static Config withLinear(ComponentType<?> rule, Object... overrides) {
    List<Object> values = new ArrayList<>(List.of(overrides));
    values.addAll(List.of("synthesiser", TestConfigs.of(new LinearSynthesiserType()),
        "synthOptimiser", TestConfigs.of(new AdamType())));
    return TestConfigs.of(rule, values.toArray());
  }

  private TestBuildContext context() {
    List<ComponentType<?>> nested = List.of(new LinearSynthesiserType(), new AdamType());
    return new TestBuildContext(1, task, cortex, nested).withBatchSize(BATCH);
  }
}
