package io.minicloud.mapper.api.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Parses device payloads into a JSON tree with hard limits, so that whatever a device (or anyone
 * who can publish to its topic) sends costs bounded memory and time and ends in a value or a {@link
 * ParsedPayload.Malformed}, never in an exception escaping a protocol client's receive thread (MQTT
 * messages, CoAP notifications).
 *
 * <ul>
 *   <li>size: payloads over {@code maxBytes} (default 256 KiB) are not parsed at all
 *   <li>nesting: at most {@value #MAX_DEPTH} levels (deeper is rejected before any recursion)
 *   <li>numbers: at most {@value #MAX_NUMBER_LENGTH} characters; floats are read as exact decimals,
 *       so {@code 1e400} stays a number too large for any type instead of becoming infinity
 *   <li>duplicate member names are rejected: parsers disagree on which one wins, so a payload that
 *       has them means different things to different readers
 *   <li>{@code NaN}, comments, single quotes and trailing content are not JSON and are rejected
 * </ul>
 */
public final class JsonPayloadParser {
  public static final int DEFAULT_MAX_BYTES = 256 * 1024;
  public static final int MAX_DEPTH = 64;
  public static final int MAX_NUMBER_LENGTH = 100;
  private static final int MAX_NAME_LENGTH = 1024;
  private static final int MAX_REASON_LENGTH = 200;

  private final ObjectMapper mapper;
  private final int maxBytes;

  public JsonPayloadParser() {
    this(DEFAULT_MAX_BYTES);
  }

  public JsonPayloadParser(int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(constraints(maxBytes))
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.mapper =
        new ObjectMapper(factory)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  }

  /**
   * The limits above for a payload of at most {@code maxBytes}: other formats parsed into the same
   * tree (CBOR) use them too, so a hostile device costs the same whatever it sends.
   */
  public static StreamReadConstraints constraints(int maxBytes) {
    return StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .maxStringLength(maxBytes)
        .maxNameLength(MAX_NAME_LENGTH)
        .maxDocumentLength(maxBytes)
        .build();
  }

  public int maxBytes() {
    return maxBytes;
  }

  /** Parses one payload; never throws. */
  public ParsedPayload parse(byte[] payload) {
    if (payload.length > maxBytes) {
      return new ParsedPayload.Oversize(payload.length, maxBytes);
    }
    try {
      JsonNode root = mapper.readTree(payload);
      if (root == null || root.isMissingNode()) {
        return new ParsedPayload.Malformed("empty payload");
      }
      return new ParsedPayload.Json(root);
    } catch (JsonProcessingException e) {
      // the original message leaves out Jackson's source excerpt: payload bytes stay out of logs
      return new ParsedPayload.Malformed(shorten(e.getOriginalMessage()) + location(e));
    } catch (IOException e) {
      return new ParsedPayload.Malformed(shorten(String.valueOf(e.getMessage())));
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  private static String shorten(String reason) {
    String oneLine = String.valueOf(reason).replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_REASON_LENGTH
        ? oneLine
        : oneLine.substring(0, MAX_REASON_LENGTH) + "...";
  }
}
