package io.minicloud.tetherbridge.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicsTest {
  private final Topics topics = new Topics("gw-1");

  @Test
  void outgoingTopicsFollowDesignSection3() {
    assertEquals("minicloud/v1/gw-1/meter-7/state", topics.state("meter-7"));
    assertEquals("minicloud/v1/gw-1/meter-7/telemetry/power", topics.telemetry("meter-7", "power"));
    assertEquals("minicloud/v1/gw-1/meter-7/twin/reported", topics.twinReported("meter-7"));
    assertEquals("minicloud/v1/gw-1/meter-7/cmd/write/reply", topics.reply("meter-7", "write"));
    assertArrayEquals(
        new String[] {"minicloud/v1/gw-1/+/cmd/+", "minicloud/v1/gw-1/+/twin/desired"},
        topics.commandFilters());
  }

  @Test
  void wildcardsInANodeNameCannotWidenSubscriptions() {
    assertEquals("minicloud/v1/a_b_c", new Topics("a+b#c").root());
    assertEquals("minicloud/v1/a_b", new Topics("a/b").root());
  }

  @Test
  void commandTopicsParseAndEverythingElseIsIgnored() {
    assertEquals(
        Optional.of(new Topics.Command("meter-7", "write")),
        topics.parseCommand("minicloud/v1/gw-1/meter-7/cmd/write"));
    assertEquals(
        Optional.of(new Topics.Command("meter-7", "desired")),
        topics.parseCommand("minicloud/v1/gw-1/meter-7/twin/desired"));
    for (String bad :
        new String[] {
          "minicloud/v1/gw-2/m/cmd/write",
          "minicloud/v1/gw-1/m/cmd/write/reply",
          "minicloud/v1/gw-1//cmd/write",
          "minicloud/v1/gw-1/m/cmd/",
          "minicloud/v1/gw-1/m/twin/reported",
          "",
          "minicloud/v1/gw-1"
        }) {
      assertTrue(topics.parseCommand(bad).isEmpty(), bad);
    }
    assertTrue(topics.parseCommand(null).isEmpty());
  }
}
