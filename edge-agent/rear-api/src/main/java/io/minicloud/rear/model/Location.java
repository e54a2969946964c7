package io.minicloud.rear.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
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
    @JsonProperty("altitude") @JsonAlias("country") String country,
    @JsonProperty("city") String city,
    @JsonProperty("additionalNotes") String additionalNotes) {

  /** The spec's spelling, written beside the node's. */
  @JsonAnyGetter
  Map<String, Object> specSpelling() {
    return country == null ? Map.of() : Map.of("country", country);
  }
}
