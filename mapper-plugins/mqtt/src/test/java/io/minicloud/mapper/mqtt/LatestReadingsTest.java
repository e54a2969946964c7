package io.minicloud.mapper.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.Transform;
import io.minicloud.mapper.api.json.BytesEncoding;
import io.minicloud.mapper.api.json.JsonPath;
import io.minicloud.mapper.api.json.JsonPayloadParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestReadingsTest {
  private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
  private static final WatchKey TEMPERATURE = new WatchKey("trv1", "temperature");
  private static final WatchKey MODE = new WatchKey("trv1", "mode");

  private final LatestReadings readings = new LatestReadings(new JsonPayloadParser(1024));

  private static PropertyWatch watch(WatchKey key, String filter, String path, DataType type) {
    return new PropertyWatch(
        key,
        TopicFilter.parse(filter),
        JsonPath.parse(path),
        type,
        Transform.IDENTITY,
        BytesEncoding.BASE64);
  }

  private LatestReadings.Delivery deliver(String topic, String payload, int second) {
    return readings.accept(topic, payload.getBytes(StandardCharsets.UTF_8), T0.plusSeconds(second));
  }

  private Reading latest(WatchKey key) {
    return readings.latest(key).orElseThrow();
  }

  @Test
  void theNewestMessageWinsAndKeepsItsTopicAndTime() {
    // GIVEN a watched property
    readings.register(List.of(watch(TEMPERATURE, "trv1/status", "$.t", DataType.FLOAT64)));

    // WHEN two messages arrive
    deliver("trv1/status", "{\"t\": 20.0}", 0);
    deliver("trv1/status", "{\"t\": 21.5}", 5);

    // THEN the reading is the second one's
    Reading reading = latest(TEMPERATURE);
    assertEquals(DoubleValue.of(21.5), reading.value());
    assertEquals("trv1/status", reading.topic());
    assertEquals(T0.plusSeconds(5), reading.receivedAt());
  }

  @Test
  void onePayloadFeedsEveryPropertyItCarries() {
    // GIVEN two properties on one topic, one of them on a wildcard filter
    readings.register(
        List.of(
            watch(TEMPERATURE, "trv1/status", "$.t", DataType.FLOAT64),
            watch(MODE, "+/status", "$.mode", DataType.STRING)));

    // WHEN one message carries both
    LatestReadings.Delivery delivery =
        deliver("trv1/status", "{\"t\": 20.5, \"mode\": \"eco\"}", 0);

    // THEN both have a reading
    assertEquals(LatestReadings.Delivery.STORED, delivery);
    assertTrue(latest(TEMPERATURE).isValue());
    assertTrue(latest(MODE).isValue());
  }

  @Test
  void aFailureFromAnotherTopicDoesNotHideTheValue() {
    // GIVEN a wildcard watch that has a value from the status topic
    readings.register(List.of(watch(TEMPERATURE, "shellies/trv1/#", "$.t", DataType.FLOAT64)));
    deliver("shellies/trv1/status", "{\"t\": 21.5}", 0);

    // WHEN the relay topic, matched by the same wildcard, sends something without it
    deliver("shellies/trv1/relay/0", "on", 1);
    deliver("shellies/trv1/info", "{\"fw\": \"1.2\"}", 2);

    // THEN the value stays
    assertEquals(DoubleValue.of(21.5), latest(TEMPERATURE).value());
  }

  @Test
  void aFailureOnTheSameTopicReplacesTheValue() {
    // GIVEN a value from a topic
    readings.register(List.of(watch(TEMPERATURE, "trv1/status", "$.t", DataType.FLOAT64)));
    deliver("trv1/status", "{\"t\": 21.5}", 0);

    // WHEN the same topic's next payload is not JSON
    deliver("trv1/status", "{\"t\": 2", 1);

    // THEN the reading is malformed: that device now sends something else
    assertEquals(ErrorKind.MALFORMED, latest(TEMPERATURE).error().kind());
    // ... and a payload without the path is a decode error
    deliver("trv1/status", "{\"x\": 1}", 2);
    assertEquals(ErrorKind.DECODE, latest(TEMPERATURE).error().kind());
    assertTrue(latest(TEMPERATURE).error().getMessage().contains("no member 't'"));
  }

  @Test
  void oversizePayloadsAreDroppedWithoutTouchingReadings() {
    // GIVEN a value, and a parser limited to 1024 bytes
    readings.register(List.of(watch(TEMPERATURE, "trv1/status", "$.t", DataType.FLOAT64)));
    deliver("trv1/status", "{\"t\": 21.5}", 0);

    // WHEN a 2000-byte payload arrives
    LatestReadings.Delivery delivery =
        deliver("trv1/status", "{\"t\": 1, \"x\": \"" + "y".repeat(2000) + "\"}", 1);

    // THEN it is dropped and the value stays
    assertEquals(LatestReadings.Delivery.OVERSIZE, delivery);
    assertEquals(DoubleValue.of(21.5), latest(TEMPERATURE).value());
  }

  @Test
  void messagesNoWatchWantsAreIgnoredUnparsed() {
    readings.register(List.of(watch(TEMPERATURE, "trv1/status", "$.t", DataType.FLOAT64)));
    assertEquals(LatestReadings.Delivery.IGNORED, deliver("other/topic", "not even json", 0));
    assertTrue(readings.latest(TEMPERATURE).isEmpty());
  }

  @Test
  void reRegisteringAChangedWatchForgetsItsOldReading() {
    // GIVEN a reading taken with path $.t
    readings.register(List.of(watch(TEMPERATURE, "trv1/status", "$.t", DataType.FLOAT64)));
    deliver("trv1/status", "{\"t\": 21.5}", 0);

    // WHEN the device is re-attached with another path
    readings.register(List.of(watch(TEMPERATURE, "trv1/status", "$.temp", DataType.FLOAT64)));

    // THEN the old reading, taken under the old path, is gone; an unchanged watch keeps its own
    assertTrue(readings.latest(TEMPERATURE).isEmpty());
    deliver("trv1/status", "{\"temp\": 19}", 1);
    readings.register(List.of(watch(TEMPERATURE, "trv1/status", "$.temp", DataType.FLOAT64)));
    assertEquals(DoubleValue.of(19), latest(TEMPERATURE).value());
  }
}
