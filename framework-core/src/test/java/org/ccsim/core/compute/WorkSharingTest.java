package org.ccsim.core.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkSharingTest {

  @Test
  void everyIndexRunsExactlyOnceAcrossManyCallsFromSeveralThreads() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int caller = 0; caller < 3; caller++) {
        calls.add(callers.submit(() -> {
          for (int call = 0; call < 2000; call++) {
            int count = 1 + call % 17;
            AtomicIntegerArray runs = new AtomicIntegerArray(count);
            WorkSharing.COMMON.forEach(count, runs::incrementAndGet);
            for (int i = 0; i < count; i++) {
              assertEquals(1, runs.get(i), "call " + call + ", index " + i);
            }
          }
        }));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } finally {
      callers.shutdown();
    }
  }

  @Test
  void aFailingIndexFailsTheCallAfterTheOthersRan() {
    AtomicIntegerArray runs = new AtomicIntegerArray(8);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> WorkSharing.COMMON.forEach(8, i -> {
      runs.incrementAndGet(i);
      if (i == 5) {
        throw new IllegalStateException("index 5");
      }
    }));
    assertEquals("index 5", e.getMessage());
    for (int i = 0; i < 8; i++) {
      assertEquals(1, runs.get(i));
    }
  }

  @Test
  void aCallFromInsideABodyRunsEveryIndexOfBothLoops() {
    AtomicIntegerArray runs = new AtomicIntegerArray(6 * 5);
    WorkSharing.COMMON.forEach(6, outer -> WorkSharing.COMMON.forEach(5, inner -> runs.incrementAndGet(outer * 5 + inner)));
    for (int i = 0; i < 30; i++) {
      assertEquals(1, runs.get(i), "index " + i);
    }
  }

  @Test
  void theLowestFailingIndexIsTheOneThrownWhicheverThreadFailsFirst() {
    for (int call = 0; call < 1000; call++) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> WorkSharing.COMMON.forEach(16, i -> {
        if (i % 3 == 2) {
          throw new IllegalStateException("index " + i);
        }
      }));
      assertEquals("index 2", e.getMessage(), "call " + call);
    }
  }
}
