package io.minicloud.vim.provision;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.minicloud.vim.provision.ProvisionApplier.IssuedToken;
import io.minicloud.vim.provision.ProvisionException.Kind;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * REAR provisioning: a contract's request becomes a namespace with a quota and credentials scoped
 * to it (or a VM in one), remembered durably; it is revoked when the contract is withdrawn or
 * expires. Retried requests are answered with the same provision and a new token. Without a cluster
 * ({@code applier} empty: detached) nothing is provisioned and no credential is ever made up.
 */
public final class ProvisionService {

  private static final Logger LOG = Logger.getLogger(ProvisionService.class.getName());

  private final Optional<ProvisionApplier> applier;
  private final ProvisionStore store;
  private final ClusterAccess access;
  private final ProvisioningModel model = new ProvisioningModel();
  private final Duration maxTokenLifetime;
  private final Clock clock;

  public ProvisionService(
      Optional<ProvisionApplier> applier,
      ProvisionStore store,
      ClusterAccess access,
      Duration maxTokenLifetime,
      Clock clock) {
    this.applier = applier;
    this.store = store;
    this.access = access;
    this.maxTokenLifetime = maxTokenLifetime;
    this.clock = clock;
  }

  public boolean detached() {
    return applier.isEmpty();
  }

  /** What a POST answers: the provision and a freshly issued kubeconfig. */
  public record Issued(Provision provision, Kubeconfig kubeconfig) {}

  public synchronized Issued provision(ProvisionRequest request) throws ProvisionException {
    ProvisionApplier cluster = cluster();
    Instant now = clock.instant();
    Optional<Provision> existing = find(request.contractId());
    if (existing.isPresent()) {
      Provision p = existing.get();
      if (p.state() == ProvisionState.revoked) {
        throw new ProvisionException(
            Kind.CONFLICT,
            "contract " + p.contractId() + " was revoked; it is not provisioned again");
      }
      if (!p.buyerId().equals(request.buyerId()) || p.flavorType() != request.flavorType()) {
        throw new ProvisionException(
            Kind.CONFLICT,
            "contract "
                + p.contractId()
                + " is already provisioned for another buyer or flavor type");
      }
    }
    ProvisionPlan plan = model.desire(request);
    Provision p =
        existing.orElseGet(
            () ->
                new Provision(
                    request.contractId(),
                    request.buyerId(),
                    request.flavorType(),
                    plan.namespace(),
                    ProvisionState.failed,
                    "not applied yet",
                    request.expiresAt(),
                    now,
                    now));
    try {
      cluster.apply(plan);
      Kubeconfig kubeconfig = kubeconfig(cluster, p);
      p = p.withState(ProvisionState.provisioned, null, now);
      save(p);
      if (existing.isEmpty() || existing.get().state() != ProvisionState.provisioned) {
        LOG.info(
            () ->
                "provisioned contract "
                    + request.contractId()
                    + " in namespace "
                    + plan.namespace());
      }
      return new Issued(p, kubeconfig);
    } catch (KubernetesClientException | IllegalStateException e) {
      String reason = "the cluster refused: " + describe(e);
      save(p.withState(ProvisionState.failed, reason, now));
      LOG.warning(() -> "provisioning contract " + request.contractId() + " failed: " + reason);
      throw new ProvisionException(Kind.FAILED, reason);
    }
  }

  /** The provision and, when asked and it is in place, a freshly issued kubeconfig. */
  public synchronized Issued get(String contractId, boolean credentials) throws ProvisionException {
    Provision p =
        find(contractId)
            .orElseThrow(
                () ->
                    new ProvisionException(
                        Kind.NOT_FOUND, "no provision for contract " + contractId));
    if (!credentials) {
      return new Issued(p, null);
    }
    if (p.state() != ProvisionState.provisioned) {
      throw new ProvisionException(
          Kind.CONFLICT,
          "contract " + contractId + " is " + p.state() + ": no credentials to issue");
    }
    try {
      return new Issued(p, kubeconfig(cluster(), p));
    } catch (KubernetesClientException | IllegalStateException e) {
      throw new ProvisionException(Kind.FAILED, "the cluster refused a token: " + describe(e));
    }
  }

  /**
   * Revokes a provision: deletes its namespace (everything in it, and so every token bound to its
   * ServiceAccount) and marks it revoked. Revoking twice is fine.
   */
  public synchronized Provision revoke(String contractId, String why) throws ProvisionException {
    Provision p =
        find(contractId)
            .orElseThrow(
                () ->
                    new ProvisionException(
                        Kind.NOT_FOUND, "no provision for contract " + contractId));
    if (p.state() == ProvisionState.revoked) {
      return p;
    }
    ProvisionApplier cluster = cluster();
    try {
      cluster.deleteNamespace(p.namespace(), p.contractId());
    } catch (KubernetesClientException | IllegalStateException e) {
      throw new ProvisionException(
          Kind.FAILED, "cannot delete namespace " + p.namespace() + ": " + describe(e));
    }
    Provision revoked = p.withState(ProvisionState.revoked, why, clock.instant());
    save(revoked);
    LOG.info(
        () ->
            "revoked contract "
                + contractId
                + " ("
                + why
                + "): namespace "
                + p.namespace()
                + " deleted");
    return revoked;
  }

  /** Revokes every provision whose contract has expired; returns how many. */
  public int revokeExpired() {
    if (detached()) {
      return 0;
    }
    int revoked = 0;
    try {
      for (Provision p : store.expired(clock.instant())) {
        try {
          revoke(p.contractId(), "contract expired at " + p.expiresAt());
          revoked++;
        } catch (ProvisionException e) {
          LOG.warning(
              () -> "cannot revoke expired contract " + p.contractId() + " yet: " + e.getMessage());
        }
      }
    } catch (SQLException e) {
      LOG.warning(() -> "cannot read the provisions to revoke: " + e.getMessage());
    }
    return revoked;
  }

  private Kubeconfig kubeconfig(ProvisionApplier cluster, Provision p) {
    Instant now = clock.instant();
    long untilExpiry = Math.max(0, Duration.between(now, p.expiresAt()).getSeconds());
    long seconds = Math.min(untilExpiry, maxTokenLifetime.getSeconds());
    IssuedToken token = cluster.issueToken(p.namespace(), seconds);
    return new Kubeconfig(
        access.serverUrl(),
        access.caPem(),
        p.namespace(),
        token.token(),
        Objects.requireNonNullElse(token.expiresAt(), now.plusSeconds(seconds)));
  }

  private ProvisionApplier cluster() throws ProvisionException {
    return applier.orElseThrow(
        () -> new ProvisionException(Kind.DETACHED, ProvisionException.DETACHED));
  }

  private Optional<Provision> find(String contractId) throws ProvisionException {
    try {
      return store.find(contractId);
    } catch (SQLException e) {
      throw new ProvisionException(Kind.FAILED, "the provision store failed: " + e.getMessage());
    }
  }

  private void save(Provision p) throws ProvisionException {
    try {
      store.save(p);
    } catch (SQLException e) {
      throw new ProvisionException(Kind.FAILED, "the provision store failed: " + e.getMessage());
    }
  }

  /** The API server's status message; fabric8's own message can quote the request URL only. */
  private static String describe(RuntimeException e) {
    if (e instanceof KubernetesClientException k
        && k.getStatus() != null
        && k.getStatus().getMessage() != null) {
      return k.getCode() + " " + k.getStatus().getMessage();
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.length() > 300 ? m.substring(0, 300) : m;
  }
}
