package io.minicloud.rear.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A reservation's answer: the hold to purchase before {@code expirationTime}. {@code clusterID} is
 * the buyer's Liqo id, as the node writes it.
 */
public record Transaction(
    @JsonProperty("transactionID") @JsonAlias("TransactionID") String transactionId,
    @JsonProperty("flavorID") @JsonAlias("FlavorID") String flavorId,
    @JsonProperty("configuration") Configuration configuration,
    @JsonProperty("buyer") NodeIdentity buyer,
    @JsonProperty("clusterID") String clusterId,
    @JsonProperty("expirationTime") @JsonAlias("ExpirationTime") Instant expirationTime) {}
