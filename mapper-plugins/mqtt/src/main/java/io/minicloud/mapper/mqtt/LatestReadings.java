package io.minicloud.mapper.mqtt;

import io.minicloud.mapper.api.json.JsonPayloadParser;
import io.minicloud.mapper.api.json.ParsedPayload;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest reading of every watched property, fed by the MQTT client's thread and read by the
 * link's thread. Memory is bounded by the watches (one reading each), not by the topics a wildcard
 * may match, and a payload is parsed once however many properties it feeds.
 *
 * <p>The newest message wins, with one exception: a failure (not JSON, path missing, wrong type)
 * from another topic than the one that gave the current value does not hide that value. With {@code
 * shellies/plug1/#} the status topic carries {@code $.temperature} and the relay topic does not;
 * the relay's messages must not make the temperature flap to an error. A failure on the same topic
 * does replace the value: that device has changed what it sends.
 */
public final class LatestReadings {
  /** What happened to one message. */
  public enum Delivery {
    /** At least one watched property took a reading from it. */
    STORED,
    /** No watch's filter matches its topic. */
    IGNORED,
    /** Larger than the payload limit: dropped unparsed. */
    OVERSIZE
  }

  private final JsonPayloadParser parser;
  private final Map<WatchKey, PropertyWatch> watches = new ConcurrentHashMap<>();
  private final Map<WatchKey, Reading> readings = new ConcurrentHashMap<>();

  public LatestReadings(JsonPayloadParser parser) {
    this.parser = parser;
  }

  /** Adds watches, replacing those with the same key (a device re-attached with a new config). */
  public void register(Collection<PropertyWatch> added) {
    for (PropertyWatch watch : added) {
      PropertyWatch previous = watches.put(watch.key(), watch);
      if (previous != null && !previous.equals(watch)) {
        readings.remove(watch.key());
      }
    }
  }

  public Optional<Reading> latest(WatchKey key) {
    return Optional.ofNullable(readings.get(key));
  }

  /** Takes one message; never throws, whatever the payload. */
  public Delivery accept(String topic, byte[] payload, Instant receivedAt) {
    List<PropertyWatch> interested =
        watches.values().stream().filter(w -> w.filter().matches(topic)).toList();
    if (interested.isEmpty()) {
      return Delivery.IGNORED;
    }
    ParsedPayload parsed = parser.parse(payload);
    if (parsed instanceof ParsedPayload.Oversize) {
      return Delivery.OVERSIZE;
    }
    for (PropertyWatch watch : interested) {
      Reading reading = watch.extract(topic, parsed, receivedAt);
      readings.merge(watch.key(), reading, LatestReadings::newer);
    }
    return Delivery.STORED;
  }

  private static Reading newer(Reading current, Reading arrived) {
    boolean hidesValue =
        current.isValue() && !arrived.isValue() && !current.topic().equals(arrived.topic());
    return hidesValue ? current : arrived;
  }

  /** The payload limit, for messages about dropped payloads. */
  public int maxPayloadBytes() {
    return parser.maxBytes();
  }
}
