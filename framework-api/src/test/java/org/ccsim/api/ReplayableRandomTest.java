package org.ccsim.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/** A replayable stream gives the plain JDK generator's numbers, and replaying its draws puts a fresh one in step. */
class ReplayableRandomTest {

  /** A mixture of every kind of draw the components make, chosen by a separate stream. */
  private static long[] draws(RandomGenerator random, int count) {
    RandomGenerator kinds = RandomGeneratorFactory.of("L64X128MixRandom").create(7);
    long[] bits = new long[count];
    for (int i = 0; i < count; i++) {
      bits[i] = switch (kinds.nextInt(6)) {
        case 0 -> random.nextLong();
        case 1 -> Double.doubleToRawLongBits(random.nextDouble());
        case 2 -> Double.doubleToRawLongBits(random.nextGaussian());
        case 3 -> random.nextInt(7);
        case 4 -> random.nextBoolean() ? 1 : 0;
        default -> Double.doubleToRawLongBits(random.nextDouble(-2, 3));
      };
    }
    return bits;
  }

  @Test
  void givesTheNumbersOfTheJdkGeneratorWithTheSameSeed() {
    RandomGenerator jdk = RandomGeneratorFactory.of("L64X128MixRandom").create(42);

    assertEquals(Arrays.toString(draws(jdk, 100_000)),
        Arrays.toString(draws(new ReplayableRandom(42), 100_000)));
  }

  @Test
  void aFreshStreamAdvancedToAnotherStreamsDrawsContinuesAsThatOne() {
    ReplayableRandom used = new ReplayableRandom(5);
    draws(used, 1234);
    ReplayableRandom fresh = new ReplayableRandom(5);

    fresh.advanceTo(used.draws());

    assertEquals(used.draws(), fresh.draws());
    assertEquals(Arrays.toString(draws(used, 1000)), Arrays.toString(draws(fresh, 1000)));
  }

  @Test
  void refusesToRewind() {
    ReplayableRandom random = new ReplayableRandom(5);
    random.nextLong();
    random.nextLong();

    assertThrows(IllegalStateException.class, () -> random.advanceTo(1));
  }
}
