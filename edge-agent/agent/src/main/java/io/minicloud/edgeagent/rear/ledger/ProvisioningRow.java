package io.minicloud.edgeagent.rear.ledger;

import java.time.Instant;

/**
 * A contract's provisioning request as the ledger keeps it, with what the worker and the buyer's
 * reads need from its contract and reservation.
 *
 * @param state {@code pending}, {@code provisioned}, {@code failed}, {@code withdrawn} (the buyer
 *     ended it; revocation pending) or {@code revoked}
 * @param detail what the buyer is told (never a secret)
 * @param attempts failed attempts at the current step, for the backoff
 * @param nextAttemptAt when the worker may try again
 * @param contractBody the signed contract as sold
 * @param principal who reserved and purchased (the only one who may read the credentials)
 */
public record ProvisioningRow(
    String contractId,
    String target,
    String state,
    String detail,
    int attempts,
    Instant nextAttemptAt,
    String contractBody,
    String principal) {

  public static final String PENDING = "pending";
  public static final String PROVISIONED = "provisioned";
  public static final String FAILED = "failed";
  public static final String WITHDRAWN = "withdrawn";
  public static final String REVOKED = "revoked";
}
