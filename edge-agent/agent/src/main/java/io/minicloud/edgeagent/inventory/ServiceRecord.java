package io.minicloud.edgeagent.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A service the minicloud can sell access to: the MQTT broker, the S3 storage gateway, or one
 * configured by the operator.
 *
 * @param name DNS-1123 label, unique in the minicloud (e.g. {@code mqtt-broker})
 * @param kind {@code broker}, {@code storage} or {@code configured}
 * @param description one line for humans
 * @param category REAR service category (e.g. {@code messaging}, {@code storage}, {@code database})
 * @param tags REAR service tags, matched by {@code filter[tags][match]}
 * @param endpoint how a buyer reaches it once purchased, e.g. {@code mqtts://10.0.0.2:8883}
 * @param hostingPolicies REAR hosting policies: {@code Provider}, {@code Consumer}, {@code Shared}
 * @param configurationTemplate a JSON Schema object the buyer's configuration must satisfy
 * @param available whether it answers right now (a down service is not offered)
 */
public record ServiceRecord(
    String name,
    String kind,
    String description,
    String category,
    List<String> tags,
    String endpoint,
    List<String> hostingPolicies,
    JsonNode configurationTemplate,
    boolean available) {

  public ServiceRecord {
    tags = List.copyOf(tags);
    hostingPolicies = List.copyOf(hostingPolicies);
  }
}
