package io.minicloud.edgeagent.rear.subscription;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One changed field of a refreshed flavor, the spec's {@code ModificationDetails}: the dotted path
 * in the wire flavor ({@code type.data.characteristics.cpu}) and its JSON values before and after
 * (null when the field was absent).
 */
public record Modification(
    @JsonProperty("field") String field,
    @JsonProperty("oldValue") JsonNode oldValue,
    @JsonProperty("newValue") JsonNode newValue) {}
