package io.minicloud.mapper.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * A broker address in canonical form, {@code tcp://host:port} or {@code ssl://host:port}: the port
 * is always explicit and the host lower case, so two devices that spell the same broker differently
 * still share one link.
 */
public record BrokerUri(String scheme, String host, int port) {

  public static final BrokerUri DEFAULT = new BrokerUri("tcp", "127.0.0.1", 1883);

  public BrokerUri {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
  }

  /**
   * Parses a broker URI. Messages never repeat the text when it carries user info: that part is
   * where people paste passwords.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  public static BrokerUri parse(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          text.contains("@") ? "not a valid URI" : "'" + text + "' is not a valid URI", e);
    }
    if (uri.getRawUserInfo() != null || text.contains("@")) {
      throw new IllegalArgumentException(
          "must not carry credentials: set username and password instead");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
      throw new IllegalArgumentException(
          "'" + text + "': expected tcp://host:1883 or ssl://host:8883");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("'" + text + "' has no host");
    }
    String path = uri.getRawPath();
    if ((path != null && !path.isEmpty() && !path.equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("'" + text + "': a broker URI has no path or query");
    }
    int port = uri.getPort() == -1 ? (scheme.equals("ssl") ? 8883 : 1883) : uri.getPort();
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("'" + text + "': port must be 1..65535");
    }
    return new BrokerUri(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
  }

  public boolean tls() {
    return scheme.equals("ssl");
  }

  @Override
  public String toString() {
    return scheme + "://" + host + ":" + port;
  }
}
