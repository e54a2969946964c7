package io.minicloud.mapper.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicFilterTest {

  @ParameterizedTest
  @CsvSource({
    "tele/plug1/SENSOR, tele/plug1/SENSOR, true",
    "tele/plug1/SENSOR, tele/plug1/STATE, false",
    "tele/plug1/SENSOR, tele/plug1/SENSOR/x, false",
    "shellies/+/status, shellies/trv1/status, true",
    "shellies/+/status, shellies/trv1/relay/status, false",
    "shellies/+/status, shellies//status, true",
    "zigbee/#, zigbee/kitchen/temp, true",
    "zigbee/#, zigbee, true",
    "zigbee/#, zigbeex/a, false",
    "+/+, a/b, true",
    "+/+, a, false",
    "#, any/topic/at/all, true",
    "#, $SYS/broker/uptime, false",
    "+/broker/uptime, $SYS/broker/uptime, false",
    "$SYS/#, $SYS/broker/uptime, true"
  })
  void matchesAsTheMqttSpecSays(String filter, String topic, boolean matches) {
    assertEquals(matches, TopicFilter.parse(filter).matches(topic), filter + " vs " + topic);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/#/b", "a/b#", "a+/b", "a/+b", "a\0b"})
  void invalidFiltersAreRefused(String filter) {
    assertThrows(IllegalArgumentException.class, () -> TopicFilter.parse(filter));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a/+", "a/#", "", "a\0"})
  void topicsToPublishToHaveNoWildcards(String topic) {
    assertThrows(IllegalArgumentException.class, () -> TopicFilter.requireTopicName(topic));
  }

  @Test
  void theCommandTopicIsDerivedNextToTheStateTopic() {
    assertEquals(
        Optional.of("shellies/trv1/command"),
        TopicFilter.parse("shellies/trv1/status").derivedCommandTopic());
    assertEquals(Optional.of("plug/command"), TopicFilter.parse("plug").derivedCommandTopic());
    assertEquals(Optional.empty(), TopicFilter.parse("shellies/+/status").derivedCommandTopic());
    assertEquals(Optional.empty(), TopicFilter.parse("plug/#").derivedCommandTopic());
  }
}
