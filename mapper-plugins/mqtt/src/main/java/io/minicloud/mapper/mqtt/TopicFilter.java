package io.minicloud.mapper.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * An MQTT topic filter ({@code tele/plug1/SENSOR}, {@code shellies/+/status}, {@code zigbee/#}),
 * validated as the MQTT spec (4.7) defines it, and matched against the topics messages arrive on.
 */
public record TopicFilter(String text) {
  private static final int MAX_BYTES = 65_535;

  public TopicFilter {
    Objects.requireNonNull(text, "text");
  }

  /**
   * @throws IllegalArgumentException when {@code text} is not a valid topic filter
   */
  public static TopicFilter parse(String text) {
    requireEncodable(text);
    String[] levels = text.split("/", -1);
    for (int i = 0; i < levels.length; i++) {
      String level = levels[i];
      if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
        throw new IllegalArgumentException(
            "'" + text + "': '#' must be a whole level and the last one");
      }
      if (level.contains("+") && !level.equals("+")) {
        throw new IllegalArgumentException("'" + text + "': '+' must be a whole level");
      }
    }
    return new TopicFilter(text);
  }

  /**
   * Checks a topic name a message is published to: like a filter, but without wildcards.
   *
   * @throws IllegalArgumentException when {@code text} cannot be published to
   */
  public static String requireTopicName(String text) {
    requireEncodable(text);
    if (text.contains("+") || text.contains("#")) {
      throw new IllegalArgumentException("'" + text + "': a topic to publish to has no wildcards");
    }
    return text;
  }

  private static void requireEncodable(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a topic must not be empty");
    }
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a topic must not contain U+0000");
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalArgumentException("a topic must be at most 65535 bytes in UTF-8");
    }
  }

  public boolean hasWildcards() {
    return text.contains("+") || text.contains("#");
  }

  /** True when a message published to {@code topic} is delivered to this filter. */
  public boolean matches(String topic) {
    String[] filter = text.split("/", -1);
    String[] name = topic.split("/", -1);
    // MQTT 4.7.2: wildcards at the first level never match $SYS-style topics
    if (topic.startsWith("$") && (filter[0].equals("+") || filter[0].equals("#"))) {
      return false;
    }
    for (int i = 0; i < filter.length; i++) {
      if (filter[i].equals("#")) {
        return true; // also matches the parent level itself: sport/# matches sport
      }
      if (i >= name.length) {
        return false;
      }
      if (!filter[i].equals("+") && !filter[i].equals(name[i])) {
        return false;
      }
    }
    return filter.length == name.length;
  }

  /**
   * The command topic a device listening next to this state topic conventionally uses: the state
   * topic's last level replaced by {@code command} ({@code shellies/trv1/status} → {@code
   * shellies/trv1/command}; a one-level topic gets {@code /command} appended). Empty when the
   * filter has wildcards: there is no one topic to derive from.
   */
  public Optional<String> derivedCommandTopic() {
    if (hasWildcards()) {
      return Optional.empty();
    }
    int slash = text.lastIndexOf('/');
    return Optional.of(slash < 0 ? text + "/command" : text.substring(0, slash) + "/command");
  }

  @Override
  public String toString() {
    return text;
  }
}
