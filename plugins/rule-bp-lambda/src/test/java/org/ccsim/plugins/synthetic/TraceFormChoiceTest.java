package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.ccsim.api.BuildContext;
import org.ccsim.api.Config;
import org.ccsim.api.ConfigException;
import org.ccsim.api.Network;
import org.ccsim.api.Param;
import org.ccsim.api.ParameterSet;
import org.ccsim.api.Synthesiser;
import org.ccsim.api.SynthesiserType;
import org.ccsim.api.Task;
import org.ccsim.plugins.synthesisers.LinearSynthesiser;
import org.ccsim.plugins.synthesisers.LinearSynthesiserType;
import org.ccsim.plugins.synthesisers.MlpSynthesiser;
import org.ccsim.plugins.synthesisers.MlpSynthesiserType;
import org.ccsim.plugins.synthetic.bplambda.BpLambdaType;
import org.ccsim.plugins.synthetic.bplambda.TraceForm;
import org.ccsim.plugins.synthetic.dni.DniType;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.ccsim.testkit.TestEpisodes;
import org.junit.jupiter.api.Test;

/** What {@code traceForm: auto} chooses, and the combinations and synthesisers {@code bp-lambda} refuses. */
class TraceFormChoiceTest {

  private static final LinearSynthesiser LINEAR = new LinearSynthesiser(30, Learners.JAVA);
  private static final MlpSynthesiser FULL_MLP = new MlpSynthesiser(30, 7, 2, false, MlpSynthesiser.Init.HE, Learners.JAVA);

  @Test
  void autoTakesTheHistoryFormWhereItIsCheaperAllowedAndSmall() {
    // n = 30, P = 930, T = 10: 5.5 x (900 + 930) multiply-adds per step against 900 x 930
    assertEquals(TraceForm.HISTORY, TraceForm.cheapest(LINEAR, new TraceForm.Shape(30, 930, 10, 1)));
    assertEquals(TraceForm.TRACE, TraceForm.cheapest(FULL_MLP, new TraceForm.Shape(30, 930, 10, 1)),
        "an MLP that trains its hidden layers is not linear in its weights");
    assertEquals(TraceForm.TRACE, TraceForm.cheapest(LINEAR, new TraceForm.Shape(128, 16_512, 1000, 1)),
        "1000 steps of 128 x 128 Jacobians exceed the history's memory bound");
    assertEquals(TraceForm.TRACE, TraceForm.cheapest(LINEAR, new TraceForm.Shape(30, 930, 10, 0)),
        "with gamma lambda = 0 the trace is only the synthesiser's Jacobian");
  }

  @Test
  void theHistoryFormNeedsASynthesiserLinearInItsWeights() {
    ConfigException e = assertThrows(ConfigException.class, () -> create("traceForm", "history",
        "synthesiser", TestConfigs.of(new MlpSynthesiserType())));
    assertEquals("traceForm", e.parameter());
    assertTrue(e.getMessage().contains("linear in its trained weights"), e.getMessage());
  }

  @Test
  void aHistoryToleranceWithTheTraceFormIsAnError() {
    ConfigException e = assertThrows(ConfigException.class, () -> create("traceForm", "trace", "historyTolerance", 0.1,
        "synthesiser", TestConfigs.of(new LinearSynthesiserType())));
    assertEquals("historyTolerance", e.parameter());
  }

  @Test
  void bpLambdaNeedsASynthesiserThatGivesItsParameterJacobianWhereDniDoesNot() {
    Config plain = new Config(PlainSynthesiserType.ID, Map.of());
    ConfigException e = assertThrows(ConfigException.class, () -> create("synthesiser", plain));
    assertEquals("synthesiser", e.parameter());
    assertTrue(e.getMessage().contains("'plain' does not give its parameter Jacobian"), e.getMessage());
    DniType dni = new DniType();
    assertNotNull(dni.create(TestConfigs.of(dni, "synthesiser", plain), context()));
  }

  private static void create(Object... overrides) {
    BpLambdaType type = new BpLambdaType();
    type.create(TestConfigs.of(type, overrides), context());
  }

  private static TestBuildContext context() {
    Network cortex = SyntheticFixtures.tanhRnn(3, 5, 2);
    Task task = TestBuildContext.task(3, 2, random -> TestEpisodes.masked(1, 6, 3, 2, 2, random).get(0));
    return new TestBuildContext(1, task, cortex,
        List.of(new LinearSynthesiserType(), new MlpSynthesiserType(), new PlainSynthesiserType()));
  }

  /** A synthesiser with only what every synthesiser has: a linear one seen through {@link Synthesiser} alone. */
  private static final class PlainSynthesiserType implements SynthesiserType {
    static final String ID = "plain";

    @Override
    public String id() {
      return ID;
    }

    @Override
    public String description() {
      return "a synthesiser without its parameter Jacobian";
    }

    @Override
    public List<Param> parameters() {
      return List.of();
    }

    @Override
    public Synthesiser create(Config config, BuildContext context) {
      Synthesiser linear = new LinearSynthesiser(context.network().hiddenSize(), context.compute());
      return new Synthesiser() {
        @Override
        public int size() {
          return linear.size();
        }

        @Override
        public ParameterSet initialParameters(RandomGenerator random) {
          return linear.initialParameters(random);
        }

        @Override
        public void predict(ParameterSet theta, double[] h, double[] g) {
          linear.predict(theta, h, g);
        }

        @Override
        public void accumulateParameterGradient(ParameterSet theta, double[] h, double[] v, ParameterSet grad) {
          linear.accumulateParameterGradient(theta, h, v, grad);
        }
      };
    }
  }
}
