package io.minicloud.tetherbridge.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.tetherbridge.northbound.TopicRoot;
import io.minicloud.tetherbridge.runtime.BridgeRuntime;
import io.minicloud.tetherbridge.runtime.RuntimeTestKit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT commands against the runtime on the FAKE bus (RuntimeTestKit): replies say what happened.
 */
class CommandDispatcherTest {
  @TempDir Path dir;
  private final ObjectMapper json = new ObjectMapper();
  private final TopicRoot topics = new TopicRoot("gw-1");
  private final List<String[]> sent = new CopyOnWriteArrayList<>();
  private BridgeRuntime runtime;
  private CommandDispatcher dispatcher;

  @BeforeEach
  void start() throws Exception {
    runtime = RuntimeTestKit.runtimeWithOneFakeDevice(dir, "d1");
    dispatcher =
        new CommandDispatcher(
            runtime,
            topics,
            new Payloads(json),
            (device, topic, payload, priority, retain) ->
                sent.add(new String[] {topic, new String(payload, StandardCharsets.UTF_8)}),
            json);
  }

  @AfterEach
  void stop() {
    runtime.close();
  }

  private JsonNode reply(String method) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    String topic = topics.reply("d1", method);
    while (System.nanoTime() < deadline) {
      for (String[] m : sent) {
        if (m[0].equals(topic)) {
          return json.readTree(m[1]);
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no reply on " + topic);
  }

  @Test
  void writeCommandIsVerifiedAndAnswered() throws Exception {
    dispatcher.handle(
        "d1",
        "write",
        "{\"id\":\"c-1\",\"property\":\"setpoint\",\"value\":42}".getBytes(StandardCharsets.UTF_8));
    JsonNode reply = reply("write");
    assertEquals("c-1", reply.get("id").asText());
    assertTrue(reply.get("ok").asBoolean(), reply.toString());
    assertEquals(42, reply.at("/result/observedDesired").asInt());
  }

  @Test
  void twinDesiredSetsValues() throws Exception {
    dispatcher.handle("d1", "desired", "{\"setpoint\": 7}".getBytes(StandardCharsets.UTF_8));
    reply("desired");
    assertEquals(
        7L,
        ((io.minicloud.mapper.api.LongValue)
                runtime.device("d1").orElseThrow().twin().property("setpoint").observedDesired())
            .value());
  }

  @Test
  void hostilePayloadsGetAnErrorReplyAndNothingElse() throws Exception {
    String[][] cases = {
      {"write", "not json"},
      {"write", "[1,2]"},
      {"write", "{\"property\": 5, \"value\": 1}"},
      {"write", "{\"property\": \"setpoint\"}"},
      {"write", "{\"property\": \"setpoint\", \"value\": 1000}"},
      {"write", "{\"property\": \"nope\", \"value\": 1}"},
      {"write", "{\"property\": \"temperature\", \"value\": 1}"},
      {"launch", "{}"},
      {"write", "{\"property\": \"setpoint\", \"value\": {\"a\": 1}}"},
      {"write", "{" + "\"a\":[".repeat(3000)},
    };
    for (String[] c : cases) {
      sent.clear();
      dispatcher.handle("d1", c[0], c[1].getBytes(StandardCharsets.UTF_8));
      JsonNode reply = reply(c[0]);
      assertEquals(false, reply.get("ok").asBoolean(), c[1]);
      assertTrue(reply.get("error").asText().length() > 5, reply.toString());
    }
    byte[] huge = new byte[CommandDispatcher.MAX_PAYLOAD + 1];
    sent.clear();
    dispatcher.handle("d1", "write", huge);
    assertTrue(reply("write").get("error").asText().contains("exceeds"));
  }

  @Test
  void anUnknownDeviceGetsAnErrorReply() throws Exception {
    dispatcher.handle("d1", "write", "{}".getBytes(StandardCharsets.UTF_8));
    sent.clear();
    new CommandDispatcher(
            runtime,
            topics,
            new Payloads(json),
            (d, t, p, prio, r) -> sent.add(new String[] {t, new String(p, StandardCharsets.UTF_8)}),
            json)
        .handle("ghost", "read", "{\"property\": \"x\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals("minicloud/v1/gw-1/ghost/cmd/read/reply", sent.get(0)[0]);
    assertTrue(sent.get(0)[1].contains("no device ghost"), sent.get(0)[1]);
  }
}
