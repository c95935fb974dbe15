package org.ccsim.plugins.synthetic;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Config;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.core.optim.SgdType;
import org.ccsim.plugins.cerebellum.CerebellumType;
import org.ccsim.plugins.synthesisers.LinearSynthesiserType;
import org.ccsim.plugins.synthesisers.MlpSynthesiserType;
import org.ccsim.plugins.synthetic.bplambda.BpLambdaType;
import org.ccsim.plugins.synthetic.dni.DniType;
import org.ccsim.plugins.synthetic.lambdasg.LambdaSgType;
import org.ccsim.testkit.LearningRuleContract;
import org.ccsim.testkit.TestConfigs;
import org.junit.jupiter.api.Nested;

/**
 * The plugin's rules against the contract test kit, on a small {@code tanh-rnn}: every rule with a
 * linear and an MLP synthesiser (plugin synthesisers) and both update timings, {@code bp-lambda} and
 * {@code dni} also with the {@code cerebellum} of plugin cerebellum in both plasticities.
 */
class SyntheticGradientContractTest {

  private static final List<ComponentType<?>> SYNTHESISERS =
      List.of(new LinearSynthesiserType(), new MlpSynthesiserType(), new CerebellumType(), new SgdType());

  private static Network cortex() {
    return SyntheticFixtures.tanhRnn(3, 4, 2);
  }

  private static Config mlp() {
    MlpSynthesiserType type = new MlpSynthesiserType();
    return TestConfigs.of(type, "hidden", 5);
  }

  /** Plain SGD with rate 1: least squares' step taken whole. */
  private static Config sgd() {
    return TestConfigs.of(new SgdType(), "learningRate", 1.0);
  }

  private static Config cerebellum(Object... overrides) {
    return TestConfigs.of(new CerebellumType(), overrides);
  }

  /** Shared set-up of the three rules. */
  abstract class RuleContract extends LearningRuleContract {

    @Override
    protected Network network() {
      return cortex();
    }

    @Override
    protected List<ComponentType<?>> nestedTypes() {
      return SYNTHESISERS;
    }
  }

  @Nested
  class BpLambdaContractTest extends RuleContract {

    @Override
    protected ComponentType<LearningRule> type() {
      return new BpLambdaType();
    }

    @Override
    protected List<Config> configs() {
      return List.of(TestConfigs.of(type(), "lambda", 0.5, "synthClip", 1.0),
          TestConfigs.of(type(), "synthesiser", mlp(), "update", "step"),
          TestConfigs.of(type(), "synthesiser", cerebellum("expansion", 3, "fanIn", 2)),
          TestConfigs.of(type(), "synthesiser", cerebellum("expansion", 2, "plasticity", "all"), "update", "step"),
          TestConfigs.of(type(), "lambda", 0.8, "synthUpdate", "preconditioned", "covarianceRate", 0.5, "update", "step"),
          TestConfigs.of(type(), "synthUpdate", "least-squares", "synthOptimiser", sgd(), "ridge", 0.01, "memory", 0.9,
              "solveEvery", 2),
          TestConfigs.of(type(), "synthesiser", cerebellum("expansion", 2, "fanIn", 2), "synthUpdate", "least-squares",
              "synthOptimiser", sgd()));
    }
  }

  @Nested
  class DniContractTest extends RuleContract {

    @Override
    protected ComponentType<LearningRule> type() {
      return new DniType();
    }

    @Override
    protected List<Config> configs() {
      return List.of(TestConfigs.of(type(), "truncation", 2),
          TestConfigs.of(type(), "synthesiser", mlp(), "update", "window"),
          TestConfigs.of(type(), "synthesiser", cerebellum("fanIn", 3, "plasticity", "all")),
          TestConfigs.of(type(), "truncation", 2, "synthUpdate", "preconditioned", "ridge", 0.1));
    }
  }

  @Nested
  class LambdaSgContractTest extends RuleContract {

    @Override
    protected ComponentType<LearningRule> type() {
      return new LambdaSgType();
    }

    @Override
    protected List<Config> configs() {
      return List.of(TestConfigs.of(type(), "lambda", 0.9), TestConfigs.of(type(), "synthesiser", mlp()),
          TestConfigs.of(type(), "synthUpdate", "preconditioned"));
    }
  }
}
