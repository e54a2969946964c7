package io.minicloud.rear.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Where the flavor runs. The node writes the country under {@code altitude} (its bug) and reads it
 * from there; the spec says {@code country}. We read either and write both: Go ignores the key it
 * does not know.
 */
public record Location(
    @JsonProperty("latitude") String latitude,
    @JsonProperty("longitude") String longitude,
    @JsonProperty("altitude") String country,
    @JsonProperty("city") String city,
    @JsonProperty("additionalNotes") String additionalNotes) {

  /** Reads the node's key, or the spec's when only that is present (both are, in our output). */
  @JsonCreator
  static Location read(
      @JsonProperty("latitude") String latitude,
      @JsonProperty("longitude") String longitude,
      @JsonProperty("altitude") String altitude,
      @JsonProperty("country") String country,
      @JsonProperty("city") String city,
      @JsonProperty("additionalNotes") String additionalNotes) {
    return new Location(
        latitude, longitude, altitude != null ? altitude : country, city, additionalNotes);
  }

  /** The spec's spelling, written beside the node's. */
  @JsonAnyGetter
  Map<String, Object> specSpelling() {
    return country == null ? Map.of() : Map.of("country", country);
  }
}
