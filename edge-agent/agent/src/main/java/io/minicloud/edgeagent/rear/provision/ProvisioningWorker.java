package io.minicloud.edgeagent.rear.provision;

import io.minicloud.edgeagent.rear.ledger.ProvisioningRow;
import io.minicloud.edgeagent.rear.ledger.RearStore;
import io.minicloud.edgeagent.rear.subscription.Backoff;
import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.RearJson;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Takes the ledger's provisioning requests for {@code minicloud-vim} from pending to provisioned
 * (or failed, with the VIM's reason), retrying with backoff while the VIM is unreachable, and
 * revokes the provision of every contract that expired or was withdrawn (and so frees its
 * capacity). It stores no credential: the buyer's kubeconfig is issued by the VIM when the buyer
 * asks ({@link ContractAccess}).
 */
public final class ProvisioningWorker implements AutoCloseable {

  public static final String TARGET = "minicloud-vim";
  private static final Logger LOG = Logger.getLogger(ProvisioningWorker.class);

  private final RearStore store;
  private final VimClient vim;
  private final VimSettings settings;
  private final Backoff backoff;
  private final Clock clock;
  private final Runnable onCapacityChange;
  private ScheduledExecutorService executor;

  public ProvisioningWorker(
      RearStore store,
      VimClient vim,
      VimSettings settings,
      Clock clock,
      Runnable onCapacityChange) {
    this.store = store;
    this.vim = vim;
    this.settings = settings;
    this.backoff =
        new Backoff(
            settings.retryFirst(), settings.retryCap(), ThreadLocalRandom.current()::nextDouble);
    this.clock = clock;
    this.onCapacityChange = onCapacityChange;
  }

  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "rear-provisioning");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, settings.poll().toMillis());
    executor.scheduleWithFixedDelay(this::runSafely, 0, every, TimeUnit.MILLISECONDS);
  }

  private void runSafely() {
    try {
      runOnce();
    } catch (SQLException | RuntimeException e) {
      LOG.warnf("REAR provisioning pass failed, retrying next time: %s", e.getMessage());
    }
  }

  /** One pass over the open requests; returns how many changed state. */
  public synchronized int runOnce() throws SQLException {
    int changed = 0;
    boolean freed = false;
    for (ProvisioningRow row : store.openProvisioning(TARGET)) {
      Instant now = clock.instant();
      if (row.nextAttemptAt().isAfter(now)) {
        continue;
      }
      Contract contract;
      try {
        contract = RearJson.mapper().readValue(row.contractBody(), Contract.class);
      } catch (IOException e) {
        throw new IllegalStateException(
            "contract " + row.contractId() + " in the ledger does not decode", e);
      }
      boolean expired = !contract.expirationTime().isAfter(now);
      if (expired || ProvisioningRow.WITHDRAWN.equals(row.state())) {
        String why =
            expired ? "contract expired at " + contract.expirationTime() : "withdrawn by the buyer";
        if (revoke(row, why, now)) {
          changed++;
          freed = true;
        }
      } else if (ProvisioningRow.PENDING.equals(row.state())) {
        if (provision(row, contract, now)) {
          changed++;
        }
      }
    }
    if (freed) {
      onCapacityChange.run();
    }
    return changed;
  }

  private boolean provision(ProvisioningRow row, Contract contract, Instant now)
      throws SQLException {
    try {
      VimClient.Provisioned p = vim.provision(VimRequests.of(contract, settings.vmImage()));
      store.updateProvisioning(
          row.contractId(),
          ProvisioningRow.PROVISIONED,
          "provisioned by minicloud-vim in namespace "
              + p.namespace()
              + "; the buyer reads its kubeconfig in peeringTargetCredentials with GET /api/v2/contracts/"
              + row.contractId(),
          0,
          now,
          now);
      LOG.infof(
          "contract %s provisioned by minicloud-vim in namespace %s",
          row.contractId(), p.namespace());
      return true;
    } catch (IllegalArgumentException | VimRefused e) {
      store.updateProvisioning(
          row.contractId(), ProvisioningRow.FAILED, "failed: " + e.getMessage(), 0, now, now);
      LOG.warnf("contract %s cannot be provisioned: %s", row.contractId(), e.getMessage());
      return true;
    } catch (VimUnavailable e) {
      retryLater(row, "waiting for minicloud-vim: " + e.getMessage(), now);
      return false;
    }
  }

  private boolean revoke(ProvisioningRow row, String why, Instant now) throws SQLException {
    try {
      vim.revoke(row.contractId());
      store.endContract(row.contractId(), "revoked: " + why, now);
      LOG.infof("contract %s revoked (%s)", row.contractId(), why);
      return true;
    } catch (VimRefused e) {
      // the VIM will not revoke (e.g. the namespace is not its own): the contract is over anyway
      store.endContract(
          row.contractId(),
          "ended (" + why + "); minicloud-vim refused to revoke: " + e.getMessage(),
          now);
      LOG.warnf(
          "contract %s ended but minicloud-vim refused to revoke: %s",
          row.contractId(), e.getMessage());
      return true;
    } catch (VimUnavailable e) {
      retryLater(row, "revocation pending (" + why + "): " + e.getMessage(), now);
      return false;
    }
  }

  private void retryLater(ProvisioningRow row, String detail, Instant now) throws SQLException {
    int attempts = row.attempts() + 1;
    Instant next = now.plus(backoff.after(attempts));
    store.updateProvisioning(row.contractId(), row.state(), detail, attempts, next, now);
    if (attempts == 1 || Integer.bitCount(attempts) == 1) { // log 1st, 2nd, 4th, 8th... only
      LOG.warnf(
          "contract %s: %s (attempt %d, next at %s)", row.contractId(), detail, attempts, next);
    }
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
