package io.minicloud.rear.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /api/v2/reservations}: the node sends {@code buyerID} (an object despite the name),
 * the spec {@code Buyer}; both are read.
 */
public record ReserveRequest(
    @JsonProperty("flavorID") @JsonAlias("FlavorID") String flavorId,
    @JsonProperty("buyerID") @JsonAlias("Buyer") NodeIdentity buyer,
    @JsonProperty("configuration") @JsonAlias("Configuration") Configuration configuration) {}
