package io.minicloud.mapper.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.contract.GoldenCase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What {@link io.minicloud.mapper.api.contract.DeviceDriverContract} does with reply frames, done
 * with payloads: each golden read's last message is replaced by every truncation of itself and by
 * random garbage. The properties that message feeds must then fail; no property may ever yield a
 * value other than its golden one.
 */
class GoldenPayloadMutationTest {
  private static final List<String> READ_CASES =
      List.of("read-nested-number", "read-string-enum", "read-bool", "read-missing-path");

  @TestFactory
  Stream<DynamicTest> truncatedPayloadsNeverYieldAValue() {
    return READ_CASES.stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () ->
                        mutate(
                            name,
                            payload -> {
                              List<byte[]> out = new ArrayList<>();
                              for (int length = 0; length < payload.length; length++) {
                                out.add(Arrays.copyOf(payload, length));
                              }
                              return out;
                            })));
  }

  @TestFactory
  Stream<DynamicTest> garbagePayloadsNeverYieldAValue() {
    return READ_CASES.stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () ->
                        mutate(
                            name,
                            payload -> {
                              Random random = new Random(42);
                              List<byte[]> out = new ArrayList<>();
                              for (int i = 0; i < 100; i++) {
                                byte[] garbage = new byte[1 + random.nextInt(payload.length * 2)];
                                random.nextBytes(garbage);
                                out.add(garbage);
                              }
                              return out;
                            })));
  }

  private interface Mutator {
    List<byte[]> variants(byte[] payload);
  }

  private static void mutate(String name, Mutator mutator) throws Exception {
    // GIVEN a golden read case, its messages, and the last one to mangle
    GoldenCase golden = GoldenCase.load("mqtt", name);
    List<MqttGolden.Message> messages = MqttGolden.load(name).messages();
    MqttGolden.Message last = messages.get(messages.size() - 1);
    MqttDeviceConfig config = MqttDeviceConfig.bind(golden.device());
    for (byte[] variant : mutator.variants(last.payload())) {
      DeviceDriver driver = new MqttDevicePlugin().bind(golden.device());
      InMemoryMqttConnection connection =
          new InMemoryMqttConnection(config.protocol().connection(), Instant::now);
      MessageLinkSession session = new MessageLinkSession(connection, 100);
      driver.attach(session);

      // WHEN the earlier messages and the mangled last one arrive, and every property is read
      for (MqttGolden.Message message : messages.subList(0, messages.size() - 1)) {
        connection.deliver(message.topic(), message.payload());
      }
      connection.deliver(last.topic(), variant);
      List<PointResult> results = driver.read(session, golden.read());

      // THEN what the mangled message fed fails, and nothing yields a value not in the golden case
      for (PointResult result : results) {
        GoldenCase.Expected expected = golden.expect().get(result.property());
        boolean fed = config.points().get(result.property()).watch().filter().matches(last.topic());
        String what = name + ": " + result.property() + " after " + new String(variant);
        if (fed) {
          assertFalse(result.isOk(), what + " yielded " + result.raw());
        } else if (result.isOk()) {
          assertEquals(expected.value(), result.raw(), what);
        }
      }
    }
  }
}
