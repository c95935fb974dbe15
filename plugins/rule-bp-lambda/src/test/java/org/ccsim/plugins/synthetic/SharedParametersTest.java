package org.ccsim.plugins.synthetic;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.ccsim.api.ComponentType;
import org.ccsim.api.Param;
import org.ccsim.plugins.synthetic.bplambda.BpLambdaType;
import org.ccsim.plugins.synthetic.lambdasg.LambdaSgType;
import org.junit.jupiter.api.Test;

/** The two views of BP(lambda) declare lambda and gamma once, so their docs cannot drift apart. */
class SharedParametersTest {

  @Test
  void bpLambdaAndLambdaSgShareTheirLambdaAndGamma() {
    for (String name : List.of("lambda", "gamma")) {
      assertSame(param(new BpLambdaType(), name), param(new LambdaSgType(), name), name);
    }
  }

  private static Param param(ComponentType<?> type, String name) {
    return type.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }
}
