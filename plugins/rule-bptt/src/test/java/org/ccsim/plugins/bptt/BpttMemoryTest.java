package org.ccsim.plugins.bptt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ccsim.api.Network;
import org.ccsim.api.Task;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestConfigs;
import org.ccsim.testkit.TestEpisodes;
import org.junit.jupiter.api.Test;

/** What {@code bptt} declares it keeps per batch: every step record of every episode. */
class BpttMemoryTest {

  @Test
  void declaresTheStepRecordsOfAWholeBatch() {
    Network network = Fixtures.tanhRnn(3, 5, 2, "tanh");
    Task task = TestBuildContext.task(3, 2, random -> TestEpisodes.masked(1, 7, 3, 2, 2, random).get(0));
    TestBuildContext context = new TestBuildContext(1, task, network).withBatchSize(4);
    BpttType type = new BpttType();
    type.create(TestConfigs.of(type, "truncation", 2), context);
    // batch 4 x T 7 x (x 3 + h_{t-1}, a, h 3 x 5 + y 2) doubles, truncated or not
    assertEquals(4 * 7 * (3 + 15 + 2) * 8, context.reservedBytes());
  }
}
