package io.minicloud.mapper.mqtt;

import com.fasterxml.jackson.databind.JsonNode;

/** What one MQTT payload turned out to be. */
public sealed interface ParsedPayload {

  /** A JSON document within every limit. */
  record Json(JsonNode root) implements ParsedPayload {}

  /** Not JSON, or JSON beyond a limit (nesting, number length, duplicate keys). */
  record Malformed(String reason) implements ParsedPayload {}

  /** Larger than the payload limit: dropped without being parsed. */
  record Oversize(int bytes, int limit) implements ParsedPayload {}
}
