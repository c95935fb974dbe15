package org.ccsim.core.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ccsim.core.run.ProgressListener;

/**
 * Progress of a run: a progress bar (rule, replicate, epoch, ETA) on a terminal, and a plain line
 * every 10 % otherwise, so logs of batch jobs stay readable.
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {

  private final long total;
  private final ProgressBar bar;
  private final PrintStream plain;
  private final Instant start = Instant.now();
  private long done;
  private long nextPlainLine;

  ConsoleProgress(long totalEpochs, boolean terminal, PrintStream plain) {
    this.total = totalEpochs;
    this.plain = plain;
    this.bar = terminal
        ? new ProgressBarBuilder().setTaskName("ccsim").setInitialMax(totalEpochs)
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit(" epochs", 1).showSpeed().build()
        : null;
  }

  @Override
  public synchronized void epochDone(String rule, int replicate, int epoch) {
    advance(1, rule + " r" + replicate + " e" + epoch,
        "last: " + rule + " replicate " + replicate + " epoch " + epoch);
  }

  @Override
  public synchronized void epochsSkipped(String rule, int replicate, int epochs) {
    advance(epochs, rule + " r" + replicate + " diverged", "last: " + rule + " replicate " + replicate + " diverged");
  }

  private void advance(int epochs, String barMessage, String lineMessage) {
    done += epochs;
    if (bar != null) {
      bar.stepBy(epochs);
      bar.setExtraMessage(" " + barMessage);
    } else if (done >= nextPlainLine || done == total) {
      long seconds = Duration.between(start, Instant.now()).toSeconds();
      plain.printf("progress: %3d%% (%d/%d epochs) %s, %ds elapsed%n", done * 100 / total, done, total, lineMessage,
          seconds);
      nextPlainLine = done + Math.max(1, total / 10);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
