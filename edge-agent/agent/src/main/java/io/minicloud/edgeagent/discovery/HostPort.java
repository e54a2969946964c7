package io.minicloud.edgeagent.discovery;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code host:port} as FLUIDOS writes REAR addresses ({@code owner.IP}, the announcement's {@code
 * ip}): an IPv4 literal, a DNS name, or a bracketed IPv6 literal, and a port 1..65535.
 */
public record HostPort(String host, int port) {
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern DNS_NAME =
      Pattern.compile(
          "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern IPV6_BRACKETED = Pattern.compile("\\[[0-9A-Fa-f:.]{2,45}\\]");

  /** Parses {@code host:port}; empty when any part is missing or malformed. */
  public static Optional<HostPort> parse(String text) {
    if (text == null || text.length() > 260) {
      return Optional.empty();
    }
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      return Optional.empty();
    }
    String host = text.substring(0, colon);
    String portText = text.substring(colon + 1);
    if (!portText.chars().allMatch(Character::isDigit) || portText.length() > 5) {
      return Optional.empty();
    }
    int port = Integer.parseInt(portText);
    if (port < 1 || port > 65535 || !isHost(host)) {
      return Optional.empty();
    }
    return Optional.of(new HostPort(host, port));
  }

  static boolean isHost(String host) {
    return IPV4.matcher(host).matches()
        || IPV6_BRACKETED.matcher(host).matches()
        || (DNS_NAME.matcher(host).matches()
            && !host.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
