package org.ccsim.plugins.synthetic;

import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.ccsim.api.JacobianSynthesiser;
import org.ccsim.api.Synthesiser;
import org.ccsim.plugins.synthesisers.LinearSynthesiser;
import org.ccsim.plugins.synthesisers.MlpSynthesiser;

/**
 * The synthesisers that identity tests run over. Every synthesiser of this plugin belongs here, and
 * so does the bundled {@code cerebellum} (plugin cerebellum, built through its component type) in
 * both plasticities: the tests only use the {@link Synthesiser} interface and randomise all of its
 * tensors.
 *
 * @param name shown in test names
 * @param factory builds one for a state of n values
 */
record SynthesiserCase(String name, IntFunction<JacobianSynthesiser> factory) {

  /** The synthesisers under test. */
  static Stream<SynthesiserCase> all() {
    return Stream.of(
        new SynthesiserCase("linear", n -> new LinearSynthesiser(n, Learners.JAVA)),
        new SynthesiserCase("mlp", n -> new MlpSynthesiser(n, 7, 2, false, MlpSynthesiser.Init.HE, Learners.JAVA)),
        new SynthesiserCase("mlp-output-only", n -> new MlpSynthesiser(n, 7, 1, true, MlpSynthesiser.Init.HE, Learners.JAVA)),
        new SynthesiserCase("cerebellum-purkinje", n -> SyntheticFixtures.cerebellum(n, "expansion", 3, "fanIn", Math.min(2, n))),
        new SynthesiserCase("cerebellum-all",
            n -> SyntheticFixtures.cerebellum(n, "expansion", 2, "fanIn", Math.min(3, n), "plasticity", "all")));
  }

  JacobianSynthesiser create(int n) {
    return factory.apply(n);
  }

  @Override
  public String toString() {
    return name;
  }
}
