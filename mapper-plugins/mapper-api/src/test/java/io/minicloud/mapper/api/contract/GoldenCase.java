package io.minicloud.mapper.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.BytesValue;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.PropertySpec;
import io.minicloud.mapper.api.StringValue;
import io.minicloud.mapper.api.Value;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A golden case {@code <plugin>.<case>.json}: the device, one operation, and what must come out.
 *
 * <pre>{@code
 * {
 *   "device": {"protocol": {...configData...},
 *              "properties": [{"name": "t", "type": "float32", "writable": false,
 *                              "visitor": {...configData...}}]},
 *   "read": ["t"],                                        // or:
 *   "write": {"property": "sp", "type": "int16", "value": 21},
 *   "expect": {"t": {"type": "float32", "value": 21.5},   // per property: a raw value ...
 *              "u": {"error": "device_exception"}},       // ... or an error kind
 *   "expectError": "timeout"                               // the whole call fails with this kind
 * }
 * }</pre>
 *
 * Its frames are in {@code <plugin>.<case>.hex} ({@link FrameScript}).
 */
public record GoldenCase(
    String name,
    DeviceSpec device,
    List<String> read,
    String writeProperty,
    Value writeValue,
    Map<String, Expected> expect,
    String expectError) {

  /** What one property must yield: a raw value, or an error of this kind (lower case). */
  public record Expected(Value value, String error) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  public boolean isWrite() {
    return writeProperty != null;
  }

  public static GoldenCase load(String plugin, String caseName) throws IOException {
    String resource = "/" + plugin + "." + caseName + ".json";
    try (InputStream in = GoldenCase.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("fixture " + resource + " is not on the test classpath");
      }
      return parse(caseName, JSON.readTree(in));
    }
  }

  @SuppressWarnings("unchecked")
  static GoldenCase parse(String name, JsonNode root) {
    JsonNode device = root.required("device");
    List<PropertySpec> properties = new ArrayList<>();
    for (JsonNode p : device.required("properties")) {
      properties.add(
          new PropertySpec(
              p.required("name").asText(),
              DataType.parse(p.required("type").asText()),
              p.path("writable").asBoolean(false),
              JSON.convertValue(p.path("visitor"), Map.class)));
    }
    Map<String, Object> protocol = JSON.convertValue(device.path("protocol"), Map.class);
    DeviceSpec spec = new DeviceSpec(name, protocol == null ? Map.of() : protocol, properties);
    List<String> read = new ArrayList<>();
    root.path("read").forEach(n -> read.add(n.asText()));
    JsonNode write = root.path("write");
    Map<String, Expected> expect = new LinkedHashMap<>();
    root.path("expect")
        .fields()
        .forEachRemaining(
            e ->
                expect.put(
                    e.getKey(),
                    e.getValue().has("error")
                        ? new Expected(null, e.getValue().get("error").asText())
                        : new Expected(value(e.getValue()), null)));
    return new GoldenCase(
        name,
        spec,
        read,
        write.isMissingNode() ? null : write.required("property").asText(),
        write.isMissingNode() ? null : value(write),
        expect,
        root.has("expectError") ? root.get("expectError").asText() : null);
  }

  /** {@code {"type": "uint16", "value": 7}}; bytes are a hex string. */
  public static Value value(JsonNode node) {
    DataType type = DataType.parse(node.required("type").asText());
    JsonNode v = node.required("value");
    return switch (type) {
      case BOOL -> new BoolValue(v.asBoolean());
      case FLOAT32, FLOAT64 -> new DoubleValue(v.asDouble(), type);
      case STRING -> new StringValue(v.asText());
      case BYTES -> new BytesValue(Hex.parse(v.asText()));
      case UINT64 -> new LongValue(Long.parseUnsignedLong(v.asText()), type);
      default -> new LongValue(v.asLong(), type);
    };
  }
}
