package io.minicloud.edgeagent.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeIdsAndHostPortTest {

  @Test
  void derivesADns1123LabelFromAnyHostName() {
    assertEquals("gw-17", NodeIds.fromHostName("GW_17.site.example"));
    assertEquals("raspberrypi", NodeIds.fromHostName("raspberrypi"));
    assertEquals("minicloud", NodeIds.fromHostName("---"));
    assertEquals("minicloud", NodeIds.fromHostName(null));
    assertEquals(63, NodeIds.fromHostName("a".repeat(100)).length());
    assertTrue(NodeIds.isValid(NodeIds.fromHostName("x-" + "b".repeat(80) + "-")));
  }

  @Test
  void acceptsOnlyDns1123Labels() {
    assertTrue(NodeIds.isValid("4ahrqttvng"));
    assertFalse(NodeIds.isValid("-a"));
    assertFalse(NodeIds.isValid("a.b"));
    assertFalse(NodeIds.isValid("A"));
    assertFalse(NodeIds.isValid(""));
  }

  @Test
  void parsesHostPortForms() {
    assertEquals(
        Optional.of(new HostPort("172.19.0.4", 30001)), HostPort.parse("172.19.0.4:30001"));
    assertEquals(Optional.of(new HostPort("gw.local", 8443)), HostPort.parse("gw.local:8443"));
    assertEquals(Optional.of(new HostPort("[fd00::2]", 8443)), HostPort.parse("[fd00::2]:8443"));
    assertEquals("[fd00::2]:8443", HostPort.parse("[fd00::2]:8443").orElseThrow().toString());
    assertTrue(HostPort.parse("300.1.1.1:80").isEmpty());
    assertTrue(HostPort.parse("host:0").isEmpty());
    assertTrue(HostPort.parse("host:").isEmpty());
    assertTrue(HostPort.parse(":80").isEmpty());
    assertTrue(HostPort.parse("fd00::2:80").isEmpty());
  }
}
