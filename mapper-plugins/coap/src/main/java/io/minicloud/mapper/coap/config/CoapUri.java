package io.minicloud.mapper.coap.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a CoAP device listens, in canonical form: scheme {@code coap} (UDP) or {@code coaps} (DTLS
 * 1.2), a host, and an explicit port (5683 and 5684 by default, RFC 7252 §6.1/§6.2).
 */
public record CoapUri(String scheme, String host, int port) {
  public static final int COAP_PORT = 5683;
  public static final int COAPS_PORT = 5684;

  public CoapUri {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(host, "host");
    if (!scheme.equals("coap") && !scheme.equals("coaps")) {
      throw new IllegalArgumentException("scheme must be coap or coaps, got '" + scheme + "'");
    }
    if (host.isBlank()) {
      throw new IllegalArgumentException("host is empty");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is outside 1..65535");
    }
  }

  /** True for {@code coaps}: DTLS. */
  public boolean secure() {
    return scheme.equals("coaps");
  }

  /**
   * Parses {@code coap://host[:port]} or {@code coaps://host[:port]}; a path is refused (paths are
   * per property), as are user info, queries and fragments.
   *
   * @throws IllegalArgumentException saying what is wrong, with the text
   */
  public static CoapUri parse(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + text + "' is not a URI: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("coap") && !scheme.equals("coaps")) {
      throw new IllegalArgumentException(
          "'" + text + "' must start with coap:// (UDP) or coaps:// (DTLS)");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("'" + text + "' has no host");
    }
    if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalArgumentException(
          "'" + text + "' may hold scheme, host and port only (no user, query or fragment)");
    }
    if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
      throw new IllegalArgumentException(
          "'" + text + "' has a path: give each property its own path instead");
    }
    return of(scheme, uri.getHost(), uri.getPort());
  }

  /** With the scheme's default port when {@code port} is -1. */
  public static CoapUri of(String scheme, String host, int port) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    int effective = port == -1 ? (scheme.equals("coaps") ? COAPS_PORT : COAP_PORT) : port;
    return new CoapUri(scheme, bare.toLowerCase(Locale.ROOT), effective);
  }

  /** {@code coap://host:port}, IPv6 hosts in brackets. */
  @Override
  public String toString() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return scheme + "://" + h + ":" + port;
  }
}
