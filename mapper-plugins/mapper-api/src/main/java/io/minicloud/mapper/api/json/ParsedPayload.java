package io.minicloud.mapper.api.json;

import com.fasterxml.jackson.databind.JsonNode;

/** What one device payload (an MQTT message, a CoAP response body) turned out to be. */
public sealed interface ParsedPayload {

  /** A JSON (or CBOR) document within every limit. */
  record Json(JsonNode root) implements ParsedPayload {}

  /** Not JSON (CBOR), or beyond a limit (nesting, number length, duplicate keys). */
  record Malformed(String reason) implements ParsedPayload {}

  /** Larger than the payload limit: dropped without being parsed. */
  record Oversize(int bytes, int limit) implements ParsedPayload {}
}
