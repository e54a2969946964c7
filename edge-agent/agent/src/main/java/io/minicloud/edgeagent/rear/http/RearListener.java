package io.minicloud.edgeagent.rear.http;

/**
 * One socket REAR is served on.
 *
 * @param name for logs and metrics
 * @param tls HTTPS with the node's certificate (and client certificates verified against the
 *     configured CA, when one is)
 * @param fluidosPlain the FLUIDOS-compatible mode: plain HTTP, no authentication, only the flavor
 *     types a Go node can decode in {@code /flavors}. An explicit opt-in per listener, never a
 *     default: anyone who reaches it can reserve and buy.
 */
public record RearListener(String name, String host, int port, boolean tls, boolean fluidosPlain) {

  public RearListener {
    if (tls == fluidosPlain) {
      throw new IllegalArgumentException(
          "REAR listener "
              + name
              + ": either tls (authenticated) or fluidos-plain (plain HTTP, no"
              + " authentication, an explicit opt-in), not "
              + (tls ? "both" : "neither"));
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "REAR listener " + name + ": port " + port + " is out of range");
    }
  }
}
