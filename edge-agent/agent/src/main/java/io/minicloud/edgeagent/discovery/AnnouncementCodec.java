package io.minicloud.edgeagent.discovery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Reads and writes multicast announcements. Datagrams come from anyone on the link, so decoding
 * never throws: every bad input maps to a {@link ReceiveOutcome} with a reason.
 */
public final class AnnouncementCodec {
  private static final Pattern DOMAIN =
      Pattern.compile(
          "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

  /** A decoded announcement, or why it was rejected. */
  public sealed interface Decoded permits Valid, Rejected {}

  public record Valid(Announcement announcement) implements Decoded {}

  public record Rejected(ReceiveOutcome outcome, String reason) implements Decoded {}

  // A valid announcement is one flat object; depth 4 leaves room for harmless unknown fields
  // and stops a 10 000-deep document before it costs anything.
  private final JsonFactory json =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).build())
          .build();
  private final int maxBytes;

  /**
   * @param maxBytes larger datagrams are rejected unread (an announcement is about 80 bytes)
   */
  public AnnouncementCodec(int maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Compact JSON with the Go node's field names and order: domain, nodeID, ip. */
  public byte[] encode(Announcement announcement) {
    var out = new ByteArrayOutputStream(128);
    try (JsonGenerator gen = json.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringField("domain", announcement.domain());
      gen.writeStringField("nodeID", announcement.nodeId());
      gen.writeStringField("ip", announcement.address());
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to memory", e);
    }
    return out.toByteArray();
  }

  public Decoded decode(byte[] data, int length) {
    if (length > maxBytes) {
      return new Rejected(ReceiveOutcome.OVERSIZED, length + " bytes > " + maxBytes);
    }
    String domain = null;
    String nodeId = null;
    String address = null;
    try (JsonParser parser = json.createParser(data, 0, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return new Rejected(ReceiveOutcome.MALFORMED, "not a JSON object");
      }
      for (JsonToken token = parser.nextToken();
          token != JsonToken.END_OBJECT;
          token = parser.nextToken()) {
        if (token != JsonToken.FIELD_NAME) {
          return new Rejected(ReceiveOutcome.MALFORMED, "truncated JSON object");
        }
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        // Go's encoding/json matches field names case-insensitively; so do we.
        if ("domain".equalsIgnoreCase(field)) {
          domain = stringValue(parser, value);
        } else if ("nodeID".equalsIgnoreCase(field)) {
          nodeId = stringValue(parser, value);
        } else if ("ip".equalsIgnoreCase(field)) {
          address = stringValue(parser, value);
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        return new Rejected(ReceiveOutcome.MALFORMED, "data after the JSON object");
      }
    } catch (IOException | RuntimeException e) {
      // JsonParseException, truncated input, the nesting limit, bad UTF-8: all malformed input.
      return new Rejected(ReceiveOutcome.MALFORMED, e.getClass().getSimpleName());
    }
    return validate(domain, nodeId, address);
  }

  private static String stringValue(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    parser.skipChildren();
    return null;
  }

  static Decoded validate(String domain, String nodeId, String address) {
    if (domain == null || domain.isEmpty()) {
      return new Rejected(ReceiveOutcome.INVALID, "domain missing or empty");
    }
    if (nodeId == null || nodeId.isEmpty()) {
      return new Rejected(ReceiveOutcome.INVALID, "nodeID missing or empty");
    }
    if (address == null || address.isEmpty()) {
      return new Rejected(ReceiveOutcome.INVALID, "ip missing or empty");
    }
    if (!DOMAIN.matcher(domain).matches()) {
      return new Rejected(ReceiveOutcome.INVALID, "domain is not a DNS name");
    }
    if (!NodeIds.isValid(nodeId)) {
      return new Rejected(ReceiveOutcome.INVALID, "nodeID is not a DNS-1123 label");
    }
    if (HostPort.parse(address).isEmpty()) {
      return new Rejected(ReceiveOutcome.INVALID, "ip is not host:port");
    }
    return new Valid(new Announcement(domain, nodeId, address));
  }
}
