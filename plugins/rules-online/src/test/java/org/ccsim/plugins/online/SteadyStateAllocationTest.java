package org.ccsim.plugins.online;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.ccsim.api.Episode;
import org.ccsim.api.LearningRule;
import org.ccsim.api.Network;
import org.ccsim.api.ParameterSet;
import org.ccsim.testkit.DiscardingTrainingContext;
import org.ccsim.testkit.TestBuildContext;
import org.ccsim.testkit.TestEpisodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14's "allocation-free in steady state": once its buffers exist and the JIT has compiled it, a
 * batch of an online rule allocates nothing on the training thread. Measured with the thread's
 * allocation counter, batch after batch following a warm-up, until one batch allocates at most
 * {@link #NEARLY_NOTHING} or a generous deadline passes (a slow machine compiles late); that bound is
 * far below one object per step of the batch (3 episodes of 8 steps), and the per-step kernels that
 * allocated before (a gemv's row sums) cost several kilobytes a batch of this size.
 */
class SteadyStateAllocationTest {

  private static final int WARM_UP = 20_000;
  private static final long DEADLINE_NANOS = 30_000_000_000L;
  /** Two small objects: an escape analysis that misses an iterator is not a per-step allocation. */
  private static final long NEARLY_NOTHING = 64;

  @ParameterizedTest
  @ValueSource(strings = {"rtrl", "uoro", "snap-1", "e-prop", "rflo"})
  void aBatchAllocatesNothingOnceWarm(String rule) {
    Network net = OnlineRules.tanhRnn(3, 8, 2);
    ParameterSet params = net.initialParameters(TestBuildContext.random(41));
    List<Episode> batch = TestEpisodes.masked(3, 8, net.inputSize(), net.outputSize(), 2, TestBuildContext.random(42));
    LearningRule learningRule = switch (rule) {
      case "rtrl" -> OnlineRules.rule(new RtrlType(), net, 43);
      case "uoro" -> OnlineRules.rule(new UoroType(), net, 43);
      case "snap-1" -> OnlineRules.rule(new Snap1Type(), net, 43);
      case "e-prop" -> OnlineRules.rule(new EPropType(), net, 43);
      default -> OnlineRules.rule(new EPropType(), net, 43, "feedback", "random");
    };
    DiscardingTrainingContext context = new DiscardingTrainingContext(params);
    for (int i = 0; i < WARM_UP; i++) {
      learningRule.train(batch, context);
    }
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long least = Long.MAX_VALUE;
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (least > NEARLY_NOTHING && System.nanoTime() < deadline) {
      long before = threads.getCurrentThreadAllocatedBytes();
      learningRule.train(batch, context);
      least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
    }
    assertTrue(least <= NEARLY_NOTHING, rule + " allocated " + least + " bytes in its leanest batch");
  }
}
