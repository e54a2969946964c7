package io.minicloud.mapper.coap.payload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.minicloud.mapper.api.json.JsonPayloadParser;
import io.minicloud.mapper.api.json.ParsedPayload;
import java.io.IOException;

/**
 * Parses CBOR (RFC 8949) bodies into the same tree as JSON, under the same limits as {@link
 * JsonPayloadParser} (size, nesting, number length, duplicate keys, trailing data), so one {@code
 * jsonPath} and one value conversion serve both. Never throws.
 *
 * <p>CBOR-only hazards are covered too: a declared length beyond the body (a string "of 4 GB" in a
 * 20-byte body) ends in {@link ParsedPayload.Malformed} when the data runs out, because the body
 * was size-checked before parsing and Jackson reads declared lengths incrementally; tags are
 * ignored (a tagged number is the number).
 */
public final class CborPayloadParser {
  private static final int MAX_REASON_LENGTH = 200;

  private final ObjectMapper mapper;
  private final int maxBytes;

  public CborPayloadParser(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
    CBORFactory factory =
        CBORFactory.builder()
            .streamReadConstraints(JsonPayloadParser.constraints(maxBytes))
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.mapper =
        new ObjectMapper(factory)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  public ParsedPayload parse(byte[] payload) {
    if (payload.length > maxBytes) {
      return new ParsedPayload.Oversize(payload.length, maxBytes);
    }
    if (payload.length == 0) {
      return new ParsedPayload.Malformed("empty payload");
    }
    try {
      JsonNode root = mapper.readTree(payload);
      if (root == null || root.isMissingNode()) {
        return new ParsedPayload.Malformed("empty payload");
      }
      return new ParsedPayload.Json(root);
    } catch (JsonProcessingException e) {
      return new ParsedPayload.Malformed("not CBOR: " + shorten(e.getOriginalMessage()));
    } catch (IOException | RuntimeException e) {
      // Jackson's binary readers may signal a corrupt length with an unchecked exception
      return new ParsedPayload.Malformed("not CBOR: " + shorten(String.valueOf(e.getMessage())));
    }
  }

  private static String shorten(String reason) {
    String oneLine = String.valueOf(reason).replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_REASON_LENGTH
        ? oneLine
        : oneLine.substring(0, MAX_REASON_LENGTH) + "...";
  }
}
