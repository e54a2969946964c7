package io.minicloud.edgeagent.rear.ledger;

import io.minicloud.edgeagent.inventory.Resources;
import java.time.Instant;

/**
 * A reservation as the ledger keeps it: the hold on a pool, who made it, until when.
 *
 * @param principal who reserved, as authenticated (token name, certificate subject, or {@code
 *     anonymous} on a plain FLUIDOS listener); only the same principal may purchase
 * @param buyerJson the buyer's NodeIdentity without its kubeconfig (never stored)
 * @param state {@code reserved}, {@code purchased} or {@code released}
 */
public record StoredReservation(
    String transactionId,
    String flavorId,
    String pool,
    String buyerId,
    String principal,
    String buyerJson,
    String clusterId,
    String configurationJson,
    Resources amount,
    long units,
    Instant expiresAt,
    String state,
    Instant createdAt) {

  public static final String RESERVED = "reserved";
  public static final String PURCHASED = "purchased";
  public static final String RELEASED = "released";

  /** A purchase whose contract ended (expired or withdrawn): it holds nothing any more. */
  public static final String ENDED = "ended";

  /** Whether this reservation still holds capacity at {@code now}. */
  public boolean holds(Instant now) {
    return PURCHASED.equals(state) || (RESERVED.equals(state) && expiresAt.isAfter(now));
  }

  public StoredReservation withExpiry(Instant newExpiry) {
    return new StoredReservation(
        transactionId,
        flavorId,
        pool,
        buyerId,
        principal,
        buyerJson,
        clusterId,
        configurationJson,
        amount,
        units,
        newExpiry,
        state,
        createdAt);
  }
}
