package io.minicloud.vim.provision;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Revokes expired contracts every {@code every}, on one daemon thread. */
public final class ExpirySweeper implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ExpirySweeper.class.getName());

  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "provision-expiry");
            t.setDaemon(true);
            return t;
          });

  public ExpirySweeper(ProvisionService service, Duration every) {
    long ms = Math.max(1, every.toMillis());
    executor.scheduleWithFixedDelay(() -> sweep(service), ms, ms, TimeUnit.MILLISECONDS);
  }

  private static void sweep(ProvisionService service) {
    try {
      service.revokeExpired();
    } catch (RuntimeException e) {
      // a thrown task would cancel the schedule: log and sweep again next time
      LOG.warning(() -> "expiry sweep failed, retrying next time: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
