package io.minicloud.tetherbridge.publish;

import java.util.Optional;

/**
 * The MQTT topic tree of DESIGN.md §3, versioned in docs/api/mqtt-v1.md:
 *
 * <pre>
 * minicloud/v1/&lt;node&gt;/&lt;device&gt;/state                  retained device state (out)
 * minicloud/v1/&lt;node&gt;/&lt;device&gt;/telemetry/&lt;property&gt;   readings (out)
 * minicloud/v1/&lt;node&gt;/&lt;device&gt;/twin/reported          retained twin (out)
 * minicloud/v1/&lt;node&gt;/&lt;device&gt;/twin/desired           desired values (in)
 * minicloud/v1/&lt;node&gt;/&lt;device&gt;/cmd/&lt;method&gt;          commands (in): write, read
 * minicloud/v1/&lt;node&gt;/&lt;device&gt;/cmd/&lt;method&gt;/reply    their outcome (out)
 * </pre>
 */
public final class Topics {
  private final String root;

  /**
   * @param node the node name; MQTT wildcards and separators in it become '_'
   */
  public Topics(String node) {
    this.root = "minicloud/v1/" + node.replaceAll("[+#/\\s]", "_");
  }

  public String root() {
    return root;
  }

  public String state(String device) {
    return root + "/" + device + "/state";
  }

  public String telemetry(String device, String property) {
    return root + "/" + device + "/telemetry/" + property;
  }

  public String twinReported(String device) {
    return root + "/" + device + "/twin/reported";
  }

  public String reply(String device, String method) {
    return root + "/" + device + "/cmd/" + method + "/reply";
  }

  /** The subscriptions for commands: {@code <root>/+/cmd/+} and {@code <root>/+/twin/desired}. */
  public String[] commandFilters() {
    return new String[] {root + "/+/cmd/+", root + "/+/twin/desired"};
  }

  /** An incoming command topic: the device and the method ({@code desired} for the twin). */
  public record Command(String device, String method) {}

  public Optional<Command> parseCommand(String topic) {
    if (topic == null || !topic.startsWith(root + "/")) {
      return Optional.empty();
    }
    String[] parts = topic.substring(root.length() + 1).split("/", -1);
    if (parts.length == 3 && parts[1].equals("cmd") && !parts[0].isEmpty() && !parts[2].isEmpty()) {
      return Optional.of(new Command(parts[0], parts[2]));
    }
    if (parts.length == 3
        && parts[1].equals("twin")
        && parts[2].equals("desired")
        && !parts[0].isEmpty()) {
      return Optional.of(new Command(parts[0], "desired"));
    }
    return Optional.empty();
  }
}
