package io.minicloud.edgeagent.discovery;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Datagrams anyone on the link could send, and what discovery must make of each. */
final class HostileDatagrams {
  static final int MAX_BYTES = 1024;

  record Case(String name, byte[] data, ReceiveOutcome expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  private HostileDatagrams() {}

  static List<Case> all() {
    return List.of(
        text(
            "oversized",
            "{\"domain\":\"d\",\"nodeID\":\"n\",\"ip\":\"" + "9".repeat(2000) + "\"}",
            ReceiveOutcome.OVERSIZED),
        text("not JSON", "hello, FLUIDOS", ReceiveOutcome.MALFORMED),
        new Case(
            "binary garbage",
            new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2},
            ReceiveOutcome.MALFORMED),
        text("empty", "", ReceiveOutcome.MALFORMED),
        text(
            "truncated", "{\"domain\":\"fluidos.eu\",\"nodeID\":\"abc\"", ReceiveOutcome.MALFORMED),
        text("array", "[\"fluidos.eu\",\"abc\",\"10.0.0.1:1\"]", ReceiveOutcome.MALFORMED),
        text("two objects", valid("a") + valid("b"), ReceiveOutcome.MALFORMED),
        text(
            "nested 300 deep",
            "{\"x\":" + "[".repeat(300) + "]".repeat(300) + "}",
            ReceiveOutcome.MALFORMED),
        text(
            "nested 10000 deep", "[".repeat(10_000) + "]".repeat(10_000), ReceiveOutcome.OVERSIZED),
        text(
            "missing nodeID",
            "{\"domain\":\"fluidos.eu\",\"ip\":\"10.0.0.1:30001\"}",
            ReceiveOutcome.INVALID),
        text(
            "empty domain",
            "{\"domain\":\"\",\"nodeID\":\"abc\",\"ip\":\"10.0.0.1:30001\"}",
            ReceiveOutcome.INVALID),
        text(
            "nodeID not a string",
            "{\"domain\":\"d\",\"nodeID\":42,\"ip\":\"10.0.0.1:30001\"}",
            ReceiveOutcome.INVALID),
        announcement("nodeID not DNS-1123", "Node_A", "10.0.0.1:30001"),
        announcement("nodeID too long", "a".repeat(64), "10.0.0.1:30001"),
        announcement("ip without port", "abc", "10.0.0.1"),
        announcement("ip port out of range", "abc", "10.0.0.1:70000"),
        announcement("ip with spaces", "abc", "not a host:30001"),
        announcement("ip a URL", "abc", "http://10.0.0.1:30001"));
  }

  static String valid(String nodeId) {
    return "{\"domain\":\"fluidos.eu\",\"nodeID\":\"" + nodeId + "\",\"ip\":\"10.0.0.7:30001\"}";
  }

  private static Case announcement(String name, String nodeId, String ip) {
    return text(
        name,
        "{\"domain\":\"fluidos.eu\",\"nodeID\":\"" + nodeId + "\",\"ip\":\"" + ip + "\"}",
        ReceiveOutcome.INVALID);
  }

  private static Case text(String name, String json, ReceiveOutcome expected) {
    return new Case(name, json.getBytes(StandardCharsets.UTF_8), expected);
  }
}
