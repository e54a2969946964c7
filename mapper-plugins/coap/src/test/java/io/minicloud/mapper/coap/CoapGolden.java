package io.minicloud.mapper.coap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import io.minicloud.mapper.coap.link.CoapReply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The CoAP-only parts of a golden case {@code coap.<case>.json}, which the contract's GoldenCase
 * does not read:
 *
 * <pre>{@code
 * "replies": [{"request": "GET /t", "code": "2.05", "contentFormat": 50, "maxAge": 60,
 *              "payload": {...JSON...} | "payloadText": "21.5" | "payloadHex": "a1..."
 *              | "payloadCbor": {...encoded as CBOR...}}],
 * "notifications": [{"path": "/t", ...a reply, delivered after attach...}],
 * "expectRequest": {"request": "PUT /sp", "contentFormat": 0, "payloadText": "23.5"}
 * }</pre>
 */
record CoapGolden(
    List<Scripted> replies, List<Scripted> notifications, Optional<Scripted> expectRequest) {

  /** A request ("GET /t") or a path with its reply. */
  record Scripted(String request, CoapReply reply) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

  static CoapGolden load(String caseName) throws IOException {
    String resource = "/coap." + caseName + ".json";
    try (InputStream in = CoapGolden.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("fixture " + resource + " is not on the test classpath");
      }
      JsonNode root = JSON.readTree(in);
      List<Scripted> replies = new ArrayList<>();
      for (JsonNode r : root.path("replies")) {
        replies.add(new Scripted(r.required("request").asText(), reply(r, false)));
      }
      List<Scripted> notifications = new ArrayList<>();
      for (JsonNode n : root.path("notifications")) {
        notifications.add(new Scripted(n.required("path").asText(), reply(n, true)));
      }
      JsonNode expect = root.path("expectRequest");
      return new CoapGolden(
          replies,
          notifications,
          expect.isMissingNode()
              ? Optional.empty()
              : Optional.of(
                  new Scripted(expect.required("request").asText(), reply(expect, false))));
    }
  }

  private static CoapReply reply(JsonNode node, boolean notification) throws IOException {
    byte[] payload;
    if (node.has("payloadText")) {
      payload = node.get("payloadText").asText().getBytes(StandardCharsets.UTF_8);
    } else if (node.has("payloadHex")) {
      payload = HexFormat.of().parseHex(node.get("payloadHex").asText());
    } else if (node.has("payloadCbor")) {
      payload = CBOR.writeValueAsBytes(node.get("payloadCbor"));
    } else if (node.has("payload")) {
      payload = JSON.writeValueAsBytes(node.get("payload"));
    } else {
      payload = new byte[0];
    }
    String code = node.path("code").asText("2.05");
    return new CoapReply(
        code,
        node.path("name").asText(code.equals("2.05") ? "Content" : "Error"),
        node.path("contentFormat").asInt(-1),
        payload,
        node.path("maxAge").asLong(CoapReply.DEFAULT_MAX_AGE_SECONDS),
        notification);
  }
}
