package org.ccsim.core.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ccsim.core.run.StopRequest;

/**
 * Turns Ctrl-C and SIGTERM during a run into a clean stop: the JVM's shutdown hook asks the run to
 * stop at the next batch boundary, prints the resume command at once (a supervisor may kill the JVM
 * soon after), and then waits (at most {@value #GRACE_SECONDS} s) until the run has written its
 * checkpoints, before the JVM exits. Closing it
 * (when the run is over) removes the hook.
 */
final class Interruption implements AutoCloseable {

  static final int GRACE_SECONDS = 300;

  private final StopRequest stop = new StopRequest();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook = new Thread(this::stopAndWait, "ccsim-interruption");
  private final String resumeCommand;

  /** @param resumeCommand the command that resumes the run, printed as soon as a signal arrives */
  Interruption(String resumeCommand) {
    this.resumeCommand = resumeCommand;
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException e) {
      stop.request(); // the JVM is already shutting down: stop at once
    }
  }

  /** The request the hook makes. */
  StopRequest stop() {
    return stop;
  }

  private void stopAndWait() {
    stop.request();
    System.err.println("\nccsim: interrupted: stopping every unit at its next batch boundary and writing checkpoints;"
        + " then resume with: " + resumeCommand);
    try {
      if (!finished.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
        System.err.println("ccsim: gave up waiting after " + GRACE_SECONDS + " s; units resume from their last checkpoint");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running and returns now that the run has finished
    }
  }
}
