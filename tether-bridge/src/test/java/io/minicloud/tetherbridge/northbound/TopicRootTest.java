package io.minicloud.tetherbridge.northbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.tetherbridge.northbound.TopicRoot.Inbound;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicRootTest {
  private final TopicRoot root = new TopicRoot("gw-1");

  @Test
  void buildsTheDesignTopics() {
    assertEquals("minicloud/v1/gw-1/pump/state", root.state("pump"));
    assertEquals("minicloud/v1/gw-1/pump/telemetry/flow", root.telemetry("pump", "flow"));
    assertEquals("minicloud/v1/gw-1/pump/twin/reported", root.twinReported("pump"));
    assertEquals("minicloud/v1/gw-1/pump/twin/desired", root.twinDesired("pump"));
    assertEquals("minicloud/v1/gw-1/pump/cmd/write", root.command("pump", "write"));
    assertEquals("minicloud/v1/gw-1/+/cmd/+", root.commandFilter());
    assertEquals("minicloud/v1/gw-1/+/twin/desired", root.desiredFilter());
  }

  @Test
  void parsesCommandsAndDesiredState() {
    assertEquals(
        Optional.of(new Inbound("pump", "write")),
        root.parseInbound("minicloud/v1/gw-1/pump/cmd/write"));
    assertEquals(
        Optional.of(new Inbound("pump", CommandHandler.DESIRED)),
        root.parseInbound("minicloud/v1/gw-1/pump/twin/desired"));
  }

  @Test
  void rejectsTopicsThatAreNotCommandsOfThisNode() {
    for (String topic :
        new String[] {
          "minicloud/v1/gw-2/pump/cmd/write",
          "minicloud/v1/gw-1//cmd/write",
          "minicloud/v1/gw-1/pump/cmd/",
          "minicloud/v1/gw-1/pump/cmd/desired",
          "minicloud/v1/gw-1/pump/twin/reported",
          "minicloud/v1/gw-1/pump/cmd/write/extra",
          "minicloud/v1/gw-1/pump/state",
          "minicloud/v1/gw-1"
        }) {
      assertTrue(root.parseInbound(topic).isEmpty(), topic);
    }
  }

  @Test
  void refusesNamesThatWouldBreakTopics() {
    assertThrows(IllegalArgumentException.class, () -> new TopicRoot("a/b"));
    assertThrows(IllegalArgumentException.class, () -> new TopicRoot(""));
    assertThrows(IllegalArgumentException.class, () -> root.state("#"));
    assertThrows(IllegalArgumentException.class, () -> root.telemetry("pump", "a+b"));
  }

  @Test
  void topicFiltersMatchWithWildcards() {
    TopicFilter commands = new TopicFilter("minicloud/v1/gw-1/+/cmd/+");
    assertTrue(commands.matches("minicloud/v1/gw-1/pump/cmd/write"));
    assertTrue(commands.matches("minicloud/v1/gw-1//cmd/write"), "+ matches an empty level");
    assertFalse(commands.matches("minicloud/v1/gw-1/pump/cmd/write/x"));
    assertFalse(commands.matches("minicloud/v1/gw-1/pump/twin/desired"));
    assertTrue(new TopicFilter("a/#").matches("a/b/c"));
    assertTrue(new TopicFilter("a/#").matches("a"), "# also matches the parent level");
    assertFalse(new TopicFilter("#").matches("$SYS/broker"));
  }
}
