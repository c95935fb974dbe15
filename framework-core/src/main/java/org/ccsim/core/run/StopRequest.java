package org.ccsim.core.run;

/**
 * A request, from any thread (such as a signal handler), that a run stop at the next batch boundary:
 * every unit still training then writes its checkpoint and returns, so the run can be resumed.
 */
public final class StopRequest {

  private volatile boolean requested;

  /** Asks the run to stop. */
  public void request() {
    requested = true;
  }

  /** Whether a stop was asked for. */
  public boolean requested() {
    return requested;
  }
}
