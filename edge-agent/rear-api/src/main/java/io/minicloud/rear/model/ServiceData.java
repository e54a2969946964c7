package io.minicloud.rear.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Service flavor data, flat as the node writes it (the spec wraps it in {@code Characteristics}).
 * {@code hostingPolicies} are {@code Provider}, {@code Consumer} or {@code Shared}; {@code
 * configurationTemplate} is a JSON Schema the buyer's configuration must satisfy.
 */
public record ServiceData(
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("category") String category,
    @JsonProperty("tags") List<String> tags,
    @JsonProperty("hostingPolicies") List<String> hostingPolicies,
    @JsonProperty("configurationTemplate") JsonNode configurationTemplate) {}
