package io.minicloud.rear.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A REAR flavor as the FLUIDOS node serialises it ({@code flavorID}, {@code providerID}), read in
 * the spec's spellings too ({@code flavorId}, {@code providerId}). {@code type.data} stays raw JSON
 * so whatever a peer put in it survives a round trip; {@link FlavorType} decodes it by type.
 */
public record Flavor(
    @JsonProperty("flavorID") @JsonAlias("flavorId") String flavorId,
    @JsonProperty("providerID") @JsonAlias("providerId") String providerId,
    @JsonProperty("type") FlavorType type,
    @JsonProperty("networkPropertyType") String networkPropertyType,
    @JsonProperty("timestamp") Instant timestamp,
    @JsonProperty("location") Location location,
    @JsonProperty("price") Price price,
    @JsonProperty("owner") NodeIdentity owner,
    @JsonProperty("availability") boolean availability) {

  public Flavor withAvailability(boolean available) {
    return new Flavor(
        flavorId,
        providerId,
        type,
        networkPropertyType,
        timestamp,
        location,
        price,
        owner,
        available);
  }

  public Flavor withType(FlavorType newType) {
    return new Flavor(
        flavorId,
        providerId,
        newType,
        networkPropertyType,
        timestamp,
        location,
        price,
        owner,
        availability);
  }

  /**
   * As embedded in a contract: the node prunes the metadata, so its timestamp is Go's zero time.
   */
  public Flavor asContractCopy() {
    return new Flavor(
        flavorId,
        providerId,
        type,
        networkPropertyType,
        Instant.parse("0001-01-01T00:00:00Z"),
        location,
        price,
        owner,
        availability);
  }

  /** The price; the node writes empty strings when none is set, and so do we. */
  public record Price(
      @JsonProperty("amount") String amount,
      @JsonProperty("currency") String currency,
      @JsonProperty("period") String period) {

    public static final Price NONE = new Price("", "", "");
  }
}
