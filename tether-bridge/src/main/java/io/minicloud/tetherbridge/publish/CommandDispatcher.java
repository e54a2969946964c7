package io.minicloud.tetherbridge.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.tetherbridge.northbound.CommandHandler;
import io.minicloud.tetherbridge.northbound.TopicRoot;
import io.minicloud.tetherbridge.runtime.BridgeRuntime;
import io.minicloud.tetherbridge.runtime.Futures;
import io.minicloud.tetherbridge.runtime.Reading;
import io.minicloud.tetherbridge.runtime.Values;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Commands that come in over MQTT, answered on {@code .../cmd/<method>/reply}:
 *
 * <ul>
 *   <li>{@code cmd/write} {@code {"id"?, "property", "value"}}: set the desired value, write,
 *       verify;
 *   <li>{@code cmd/read} {@code {"id"?, "property"}}: read now;
 *   <li>{@code twin/desired} {@code {"<property>": value, ...}}: set several desired values.
 * </ul>
 *
 * Bad payloads get a reply saying why; nothing a sender writes can crash the bridge.
 */
public final class CommandDispatcher implements CommandHandler {
  private static final Logger LOG = Logger.getLogger(CommandDispatcher.class.getName());
  static final int MAX_PAYLOAD = 64 * 1024;

  private final BridgeRuntime runtime;
  private final TopicRoot topics;
  private final Payloads payloads;
  private final MessageSink sink;
  private final ObjectMapper json;

  public CommandDispatcher(
      BridgeRuntime runtime,
      TopicRoot topics,
      Payloads payloads,
      MessageSink sink,
      ObjectMapper json) {
    this.runtime = runtime;
    this.topics = topics;
    this.payloads = payloads;
    this.sink = sink;
    this.json = json;
  }

  /** Handles one message from a command topic (on the command listener's thread). */
  @Override
  public void handle(String device, String method, byte[] payload) {
    JsonNode body;
    try {
      if (payload.length > MAX_PAYLOAD) {
        throw new IllegalArgumentException(
            "payload of " + payload.length + " bytes exceeds " + MAX_PAYLOAD);
      }
      body = json.readTree(payload);
      if (body == null || !body.isObject()) {
        throw new IllegalArgumentException("payload must be a JSON object");
      }
    } catch (IOException | IllegalArgumentException e) {
      reply(device, method, null, false, null, "bad payload: " + message(e));
      return;
    }
    String id = body.hasNonNull("id") ? body.get("id").asText() : null;
    try {
      CompletableFuture<?> outcome =
          switch (method) {
            case "write" ->
                runtime.desire(device, required(body, "property"), plain(body.get("value")));
            case "read" ->
                runtime.read(device, required(body, "property")).thenApply(CommandDispatcher::view);
            case "desired" -> desired(device, body);
            default ->
                throw new IllegalArgumentException(
                    "unknown method '" + method + "': expected write or read");
          };
      outcome.whenComplete(
          (result, error) -> {
            if (error == null) {
              reply(
                  device,
                  method,
                  id,
                  true,
                  result instanceof io.minicloud.tetherbridge.runtime.Twin.PropertyTwin t
                      ? TwinView.of(t)
                      : result,
                  null);
            } else {
              reply(device, method, id, false, null, message(error));
            }
          });
    } catch (IllegalArgumentException | NoSuchElementException e) {
      reply(device, method, id, false, null, message(e));
    }
  }

  private CompletableFuture<?> desired(String device, JsonNode body) {
    CompletableFuture<?> all = CompletableFuture.completedFuture(null);
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getKey().equals("id")) {
        CompletableFuture<?> one = runtime.desire(device, e.getKey(), plain(e.getValue()));
        all = all.thenCombine(one, (a, b) -> null);
      }
    }
    return all;
  }

  private static Object view(Reading reading) {
    return Map.of(
        "value",
        reading.value() == null ? "" : Values.plain(reading.value()),
        "quality",
        reading.quality().name(),
        "timestamp",
        reading.timestamp().toString());
  }

  private static String required(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException("'" + field + "' (a string) is required");
    }
    return node.asText();
  }

  private static Object plain(JsonNode node) {
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException("'value' is required");
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.decimalValue().toPlainString();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    throw new IllegalArgumentException("value must be a number, a boolean or a string");
  }

  private void reply(
      String device, String method, String id, boolean ok, Object result, String error) {
    sink.offer(
        device,
        topics.reply(device, method),
        payloads.reply(id, ok, result, error),
        MessageSink.PRIORITY_STATE,
        false);
  }

  private static String message(Throwable e) {
    Throwable cause = Futures.cause(e);
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }
}
