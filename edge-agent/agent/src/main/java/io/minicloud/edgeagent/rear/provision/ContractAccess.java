package io.minicloud.edgeagent.rear.provision;

import io.minicloud.edgeagent.rear.RearError;
import io.minicloud.edgeagent.rear.ledger.ProvisioningRow;
import io.minicloud.edgeagent.rear.ledger.RearStore;
import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.RearJson;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A contract as its buyer reads it: the signed contract, its provisioning state, and, once
 * provisioned, {@code peeringTargetCredentials} with a kubeconfig the VIM issues for this read (a
 * new bound token; nothing secret is stored here). Only the principal that reserved and purchased
 * gets it; anonymous callers (the FLUIDOS listener) only through the purchase retry, where the
 * transaction id they hold proves they are the buyer.
 */
public final class ContractAccess {

  /** Delivery entries in {@code extraInformation}: not covered by the contract's signature. */
  public static final String STATE = "provisioning";

  public static final String DETAIL = "provisioningDetail";
  private static final Logger LOG = Logger.getLogger(ContractAccess.class);

  private final RearStore store;
  private final Optional<VimClient> vim;
  private final Clock clock;

  public ContractAccess(RearStore store, Optional<VimClient> vim, Clock clock) {
    this.store = store;
    this.vim = vim;
    this.clock = clock;
  }

  /** {@code GET /api/v2/contracts/{id}}: the buyer's own contract, credentials when provisioned. */
  public Contract read(String contractId, String principal) throws RearError {
    ProvisioningRow row = ownRow(contractId, principal);
    return deliver(decode(row), row);
  }

  /**
   * A contract the ledger just answered to a purchase (or its retry), delivered the same way: the
   * ledger has checked the principal.
   */
  public Contract deliver(Contract contract) throws RearError {
    return deliver(contract, row(contract.contractId()).orElse(null));
  }

  /** {@code DELETE /api/v2/contracts/{id}}: the buyer ends its contract early. */
  public void withdraw(String contractId, String principal) throws RearError {
    ProvisioningRow row = ownRow(contractId, principal);
    Instant now = clock.instant();
    try {
      switch (row.state()) {
        case ProvisioningRow.REVOKED, ProvisioningRow.WITHDRAWN -> {
          // already ending or over: withdrawing again changes nothing
        }
        default -> {
          if (ProvisioningWorker.TARGET.equals(row.target())) {
            store.updateProvisioning(
                contractId,
                ProvisioningRow.WITHDRAWN,
                "withdrawn by the buyer; revocation pending",
                0,
                now,
                now);
          } else {
            store.endContract(contractId, "withdrawn by the buyer", now);
          }
        }
      }
    } catch (SQLException e) {
      throw new RearError(500, "the provider cannot record the withdrawal right now; retry later");
    }
  }

  private Contract deliver(Contract contract, ProvisioningRow row) {
    if (row == null) {
      return contract;
    }
    Map<String, String> extra =
        new LinkedHashMap<>(
            contract.extraInformation() == null ? Map.of() : contract.extraInformation());
    extra.put(STATE, row.state());
    extra.put(DETAIL, row.detail());
    Contract.PeeringCredentials credentials = null;
    if (ProvisioningRow.PROVISIONED.equals(row.state())
        && ProvisioningWorker.TARGET.equals(row.target())
        && vim.isPresent()) {
      try {
        String kubeconfig = vim.get().kubeconfig(contract.contractId());
        String clusterId =
            contract.seller() != null
                    && contract.seller().liqoId() != null
                    && !contract.seller().liqoId().isBlank()
                ? contract.seller().liqoId()
                : contract.seller() == null ? null : contract.seller().id();
        credentials = new Contract.PeeringCredentials(clusterId, kubeconfig);
      } catch (VimUnavailable | VimRefused e) {
        extra.put(
            DETAIL,
            row.detail()
                + "; credentials cannot be issued right now ("
                + e.getMessage()
                + "), ask again");
        LOG.warnf(
            "credentials for contract %s not issued: %s", contract.contractId(), e.getMessage());
      }
    }
    Contract delivered = contract.withExtraInformation(extra);
    return new Contract(
        delivered.contractId(),
        delivered.transactionId(),
        delivered.flavor(),
        delivered.buyer(),
        delivered.buyerClusterId(),
        delivered.seller(),
        credentials,
        delivered.expirationTime(),
        delivered.extraInformation(),
        delivered.configuration(),
        delivered.networkAuthorizations(),
        delivered.ingressTelemetryEndpoint());
  }

  private ProvisioningRow ownRow(String contractId, String principal) throws RearError {
    ProvisioningRow row =
        row(contractId)
            .orElseThrow(() -> new RearError(404, "contract " + contractId + " not found"));
    if ("anonymous".equals(principal)) {
      throw new RearError(
          403,
          "contracts are read by an authenticated buyer; on the unauthenticated listener, retry the"
              + " purchase of your transaction to read yours");
    }
    if (!row.principal().equals(principal)) {
      throw new RearError(403, "contract " + contractId + " was purchased under another identity");
    }
    return row;
  }

  private Optional<ProvisioningRow> row(String contractId) throws RearError {
    try {
      return store.provisioningOf(contractId);
    } catch (SQLException e) {
      throw new RearError(500, "the provider cannot read its ledger right now; retry later");
    }
  }

  private static Contract decode(ProvisioningRow row) {
    try {
      return RearJson.mapper().readValue(row.contractBody(), Contract.class);
    } catch (IOException e) {
      throw new IllegalStateException(
          "contract " + row.contractId() + " in the ledger does not decode", e);
    }
  }
}
