package io.minicloud.mapper.coap.payload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.BytesValue;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.StringValue;
import io.minicloud.mapper.api.Value;
import io.minicloud.mapper.coap.config.CoapPoint;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns a raw value into a request body in the point's {@code contentFormat}: text is the value's
 * plain text; JSON and CBOR are the value itself for {@code jsonPath: $}, or the object it sits in
 * for a path of member names ({@code $.target.celsius} → {@code {"target": {"celsius": 21.5}}}).
 */
public final class PayloadEncoder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PayloadEncoder() {}

  /**
   * @throws IllegalArgumentException when the value cannot be put at the point's path (an index)
   */
  public static byte[] encode(CoapPoint point, Value raw) {
    return switch (point.contentFormat()) {
      case TEXT -> text(point, raw).getBytes(StandardCharsets.UTF_8);
      case OCTETS -> octets(raw);
      case JSON -> write(JSON, tree(point, raw));
      case CBOR -> write(CBOR, tree(point, raw));
    };
  }

  private static String text(CoapPoint point, Value raw) {
    if (raw instanceof BoolValue b) {
      return Boolean.toString(b.value());
    } else if (raw instanceof LongValue l) {
      return integer(l).toString();
    } else if (raw instanceof DoubleValue d) {
      return Double.toString(d.value());
    } else if (raw instanceof StringValue s) {
      return s.value();
    }
    return point.bytesEncoding().encode(((BytesValue) raw).value());
  }

  private static byte[] octets(Value raw) {
    if (raw instanceof BytesValue b) {
      return b.value().clone();
    }
    throw new IllegalArgumentException("application/octet-stream takes a bytes value only");
  }

  private static JsonNode tree(CoapPoint point, Value raw) {
    JsonNode value;
    if (raw instanceof BoolValue b) {
      value = NODES.booleanNode(b.value());
    } else if (raw instanceof LongValue l) {
      value = NODES.numberNode(integer(l));
    } else if (raw instanceof DoubleValue d) {
      value = NODES.numberNode(d.value());
    } else if (raw instanceof StringValue s) {
      value = NODES.textNode(s.value());
    } else {
      byte[] bytes = ((BytesValue) raw).value();
      value =
          point.contentFormat() == PayloadFormat.CBOR
              ? NODES.binaryNode(bytes)
              : NODES.textNode(point.bytesEncoding().encode(bytes));
    }
    List<String> names =
        point
            .jsonPath()
            .memberNames()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "cannot write to jsonPath "
                            + point.jsonPath()
                            + ": writes need a path of member names only"));
    for (int i = names.size() - 1; i >= 0; i--) {
      ObjectNode parent = NODES.objectNode();
      parent.set(names.get(i), value);
      value = parent;
    }
    return value;
  }

  /** uint64 values above 2^63 are stored as negative longs (LongValue's convention). */
  private static BigInteger integer(LongValue l) {
    return l.type().signed() ? BigInteger.valueOf(l.value()) : l.unsignedValue();
  }

  private static byte[] write(ObjectMapper mapper, JsonNode tree) {
    try {
      return mapper.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
