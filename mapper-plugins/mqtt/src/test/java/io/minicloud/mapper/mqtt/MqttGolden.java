package io.minicloud.mapper.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The MQTT-only parts of a golden case {@code mqtt.<case>.json}, which {@link
 * io.minicloud.mapper.api.contract.GoldenCase} does not read:
 *
 * <pre>{@code
 * "messages": [{"topic": "t", "payload": {...any JSON...}},     // delivered in order
 *              {"topic": "t", "payloadText": "not json"}],      // raw text, not re-encoded
 * "expectPublished": {"topic": "t/command", "payload": "{\"mode\": \"eco\"}"}  // exact text
 * }</pre>
 */
record MqttGolden(List<Message> messages, Optional<Message> expectPublished) {
  /** A message as topic and raw payload bytes. */
  record Message(String topic, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  static MqttGolden load(String caseName) throws IOException {
    String resource = "/mqtt." + caseName + ".json";
    try (InputStream in = MqttGolden.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("fixture " + resource + " is not on the test classpath");
      }
      JsonNode root = JSON.readTree(in);
      List<Message> messages = new ArrayList<>();
      for (JsonNode m : root.path("messages")) {
        byte[] payload =
            m.has("payloadText")
                ? m.get("payloadText").asText().getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(m.required("payload"));
        messages.add(new Message(m.required("topic").asText(), payload));
      }
      JsonNode published = root.path("expectPublished");
      return new MqttGolden(
          messages,
          published.isMissingNode()
              ? Optional.empty()
              : Optional.of(
                  new Message(
                      published.required("topic").asText(),
                      published.required("payload").asText().getBytes(StandardCharsets.UTF_8))));
    }
  }
}
