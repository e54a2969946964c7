package io.minicloud.vim.provision;

import java.time.Instant;

/**
 * A provision as the VIM remembers it (no credentials: they are issued again on request).
 *
 * @param reason why it failed or was revoked; null when provisioned
 */
public record Provision(
    String contractId,
    String buyerId,
    FlavorKind flavorType,
    String namespace,
    ProvisionState state,
    String reason,
    Instant expiresAt,
    Instant createdAt,
    Instant updatedAt) {

  public Provision withState(ProvisionState newState, String newReason, Instant now) {
    return new Provision(
        contractId, buyerId, flavorType, namespace, newState, newReason, expiresAt, createdAt, now);
  }
}
