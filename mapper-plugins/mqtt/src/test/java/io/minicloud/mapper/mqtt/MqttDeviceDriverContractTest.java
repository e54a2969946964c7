package io.minicloud.mapper.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.MapperPlugin;
import io.minicloud.mapper.api.contract.DeviceDriverContract;
import io.minicloud.mapper.api.contract.FrameScript;
import io.minicloud.mapper.api.contract.GoldenCase;
import io.minicloud.mapper.api.contract.ScriptedLinkSession;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The mapper contract for MQTT devices. A message link has no frames: each golden case's {@code
 * messages} are delivered to an in-memory connection the driver attached to, and writes are checked
 * against {@code expectPublished}.
 */
class MqttDeviceDriverContractTest extends DeviceDriverContract {
  private static final List<String> CASES =
      List.of(
          "read-nested-number",
          "read-string-enum",
          "read-bool",
          "read-missing-path",
          "read-malformed",
          "write-template",
          "write-default-payload");

  /** The connection each case's session used, to check what a write published. */
  private final Map<String, InMemoryMqttConnection> connections = new ConcurrentHashMap<>();

  @Override
  protected MapperPlugin plugin() {
    return new MqttDevicePlugin();
  }

  @Override
  protected List<String> goldenCases() {
    return CASES;
  }

  /**
   * No frames to script. The base's replay calls this too (and fails on an IOException), so an
   * empty script rather than the IOException its hostile variants skip on; with no reply frames
   * they have nothing to mangle either way. {@link GoldenPayloadMutationTest} mangles payloads.
   */
  @Override
  protected FrameScript script(GoldenCase golden) {
    return new FrameScript(List.of());
  }

  @Override
  protected LinkSession session(GoldenCase golden, FrameScript script) {
    try {
      MqttDeviceDriver driver = (MqttDeviceDriver) plugin().bind(golden.device());
      InMemoryMqttConnection connection =
          new InMemoryMqttConnection(driver.settings(), Instant::now);
      ScriptedLinkSession session = new ScriptedLinkSession(script, connection);
      driver.attach(session);
      for (MqttGolden.Message message : MqttGolden.load(golden.name()).messages()) {
        connection.deliver(message.topic(), message.payload());
      }
      connections.put(golden.name(), connection);
      return session;
    } catch (IOException | ConfigException e) {
      // session() cannot throw checked exceptions: the base declares none
      throw new IllegalStateException("cannot set up golden case " + golden.name(), e);
    }
  }

  @Test
  void writesPublishTheExpectedPayloadOnTheCommandTopic() throws Exception {
    for (String name : CASES.stream().filter(c -> c.startsWith("write-")).toList()) {
      // GIVEN a write golden case and the driver bound from it
      GoldenCase golden = GoldenCase.load("mqtt", name);
      MqttGolden.Message expected = MqttGolden.load(name).expectPublished().orElseThrow();
      LinkSession session = session(golden, script(golden));

      // WHEN the golden value is written
      plugin().bind(golden.device()).write(session, golden.writeProperty(), golden.writeValue());

      // THEN exactly the expected payload went to the command topic, at the device's QoS
      List<InMemoryMqttConnection.Published> published = connections.get(name).published();
      assertFalse(published.isEmpty(), name + ": nothing was published");
      assertEquals(
          List.of(new InMemoryMqttConnection.Published(expected.topic(), expected.text(), 1)),
          published,
          name);
    }
  }
}
