package io.minicloud.tetherbridge.northbound;

import java.util.Optional;

/**
 * The MQTT topics of one node (DESIGN §3): {@code minicloud/v1/<node>/<device>/state}, {@code
 * .../telemetry/<property>}, {@code .../twin/desired}, {@code .../twin/reported}, {@code
 * .../cmd/<method>}.
 */
public record TopicRoot(String node) {
  public static final String PREFIX = "minicloud/v1/";

  public TopicRoot {
    requireSegment("node", node);
  }

  /** {@code minicloud/v1/<node>}. */
  public String root() {
    return PREFIX + node;
  }

  public String state(String device) {
    return device(device) + "/state";
  }

  public String telemetry(String device, String property) {
    requireSegment("property", property);
    return device(device) + "/telemetry/" + property;
  }

  public String twinReported(String device) {
    return device(device) + "/twin/reported";
  }

  public String twinDesired(String device) {
    return device(device) + "/twin/desired";
  }

  public String command(String device, String method) {
    requireSegment("method", method);
    return device(device) + "/cmd/" + method;
  }

  /** Where the outcome of a command goes: {@code .../cmd/<method>/reply}. */
  public String reply(String device, String method) {
    return command(device, method) + "/reply";
  }

  /** Commands to any device of this node. */
  public String commandFilter() {
    return root() + "/+/cmd/+";
  }

  /** Desired twin state of any device of this node. */
  public String desiredFilter() {
    return root() + "/+/twin/desired";
  }

  /** A topic that arrived on one of the two filters, or empty when it is not one of ours. */
  public Optional<Inbound> parseInbound(String topic) {
    String prefix = root() + "/";
    if (topic == null || !topic.startsWith(prefix)) {
      return Optional.empty();
    }
    String[] parts = topic.substring(prefix.length()).split("/", -1);
    if (parts.length != 3 || !isSegment(parts[0])) {
      return Optional.empty();
    }
    if (parts[1].equals("cmd") && isSegment(parts[2]) && !parts[2].equals(CommandHandler.DESIRED)) {
      return Optional.of(new Inbound(parts[0], parts[2]));
    }
    if (parts[1].equals("twin") && parts[2].equals("desired")) {
      return Optional.of(new Inbound(parts[0], CommandHandler.DESIRED));
    }
    return Optional.empty();
  }

  /** A command ({@code method} its name) or desired state ({@code method} = DESIRED). */
  public record Inbound(String device, String method) {}

  private String device(String device) {
    requireSegment("device", device);
    return root() + "/" + device;
  }

  /** One topic level we put into topics: no separators or wildcards, not empty. */
  public static boolean isSegment(String s) {
    return s != null
        && !s.isEmpty()
        && s.length() <= 128
        && s.chars().noneMatch(c -> c == '/' || c == '+' || c == '#' || c == 0);
  }

  static void requireSegment(String what, String s) {
    if (!isSegment(s)) {
      throw new IllegalArgumentException(
          what
              + " '"
              + s
              + "' cannot be an MQTT topic level: 1 to 128 characters without / + # or NUL");
    }
  }
}
