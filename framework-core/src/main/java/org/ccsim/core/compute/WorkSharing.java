package org.ccsim.core.compute;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.ccsim.api.compute.Parallel;

/**
 * The host's {@link Parallel} service, without allocating: one daemon helper thread per core but one, each
 * with a slot a caller puts its job into; the caller works on its own job too and waits until every
 * index is done. A job is per calling thread and reused from call to call, and indices are handed
 * out one at a time, so any number of callers may share the helpers, and a busy helper only means
 * the caller does more itself. A call returns once every index is done and every helper it enlisted
 * has let go of the job, so no helper can carry a claim over into the next call; a call made from
 * inside a body on the same thread runs its indices itself. Results do not depend on who runs an
 * index, and neither does the failure a call throws: that of the lowest index that failed.
 */
public final class WorkSharing implements Parallel {

  /** The one instance of the process: helper threads are started once. */
  public static final WorkSharing COMMON = new WorkSharing(Runtime.getRuntime().availableProcessors() - 1);

  private final AtomicReferenceArray<Job> slots;
  private final Thread[] helpers;
  private final ThreadLocal<Job> jobs = ThreadLocal.withInitial(Job::new);

  private WorkSharing(int helpers) {
    this.slots = new AtomicReferenceArray<>(helpers);
    this.helpers = new Thread[helpers];
    for (int h = 0; h < helpers; h++) {
      int slot = h;
      Thread thread = new Thread(() -> help(slot), "ccsim-compute-" + h);
      thread.setDaemon(true);
      this.helpers[h] = thread;
      thread.start();
    }
  }

  @Override
  public void forEach(int count, IntConsumer body) {
    Job job = jobs.get();
    if (count <= 1 || helpers.length == 0 || job.running) {
      for (int i = 0; i < count; i++) {
        body.accept(i);
      }
      return;
    }
    job.start(body, count);
    try {
      for (int h = 0; h < helpers.length && h < count - 1; h++) {
        job.enlisted.incrementAndGet();
        if (slots.compareAndSet(h, null, job)) {
          LockSupport.unpark(helpers[h]);
        } else {
          job.enlisted.decrementAndGet();
        }
      }
      job.work();
      job.await();
    } finally {
      job.running = false;
    }
  }

  private void help(int slot) {
    while (true) {
      Job job = slots.get(slot);
      if (job == null) {
        LockSupport.park(this);
        continue;
      }
      job.work();
      slots.set(slot, null);
      job.release();
    }
  }

  /** What an index threw. */
  private record Failure(int index, Throwable thrown) {
  }

  /** One caller's loop: indices handed out in turn, a count of those done, the lowest index's failure. */
  private static final class Job {
    /** Busy-wait rounds before parking: some tens of microseconds. */
    private static final int SPINS = 1 << 14;
    private final AtomicInteger next = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger enlisted = new AtomicInteger();
    private final AtomicReference<Failure> failure = new AtomicReference<>();
    private volatile IntConsumer body;
    private volatile int count;
    private volatile Thread owner;
    /** Read and written by the owner thread only: a call is in progress. */
    private boolean running;

    /** Body and count first, the index last: whoever claims an index then sees this call's body. */
    void start(IntConsumer body, int count) {
      this.running = true;
      this.body = body;
      this.count = count;
      this.owner = Thread.currentThread();
      failure.set(null);
      done.set(0);
      next.set(0);
    }

    void work() {
      int i;
      while ((i = next.getAndIncrement()) < count) {
        try {
          body.accept(i);
        } catch (Throwable t) {
          failure.accumulateAndGet(new Failure(i, t), (kept, now) -> kept != null && kept.index() < now.index() ? kept : now);
        }
        if (done.incrementAndGet() == count) {
          LockSupport.unpark(owner);
        }
      }
    }

    /** A helper lets go of the job; the last one wakes the owner. */
    void release() {
      if (enlisted.decrementAndGet() == 0) {
        LockSupport.unpark(owner);
      }
    }

    /**
     * Waits for every index and every enlisted helper: a short spin first (a helper usually lets go
     * within microseconds, far sooner than a parked thread wakes), then parking, so that a slow
     * helper never has its core taken by a spinning caller for long.
     */
    void await() {
      for (int spin = 0; spin < SPINS && (done.get() < count || enlisted.get() > 0); spin++) {
        Thread.onSpinWait();
      }
      while (done.get() < count || enlisted.get() > 0) {
        LockSupport.park(this);
      }
      Failure failed = failure.get();
      Throwable t = failed == null ? null : failed.thrown();
      if (t instanceof RuntimeException e) {
        throw e;
      } else if (t instanceof Error e) {
        throw e;
      } else if (t != null) {
        throw new IllegalStateException(t);
      }
    }
  }
}
