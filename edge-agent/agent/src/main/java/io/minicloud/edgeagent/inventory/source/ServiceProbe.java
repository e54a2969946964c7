package io.minicloud.edgeagent.inventory.source;

import io.minicloud.edgeagent.inventory.SourceException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

/** Whether a service answers right now: a TCP connect, or any HTTP answer. */
@FunctionalInterface
public interface ServiceProbe {

  boolean answers();

  /** Connects to {@code host:port} within {@code timeout}; any failure means "not available". */
  static ServiceProbe tcp(String host, int port, Duration timeout) {
    return () -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
        return true;
      } catch (IOException | IllegalArgumentException e) {
        return false; // refused, unreachable or unresolvable: the service is down, not an error
      }
    };
  }

  /**
   * Any HTTP status counts (an S3 server answers 403 to an anonymous GET); no answer within the
   * timeout does not.
   */
  static ServiceProbe http(URI uri, BoundedHttp http) {
    return () -> {
      try {
        http.status(uri);
        return true;
      } catch (SourceException e) {
        return false;
      }
    };
  }

  /** The probe an endpoint URI allows: HTTP for http(s), TCP when it has a port, else none. */
  static ServiceProbe forEndpoint(URI endpoint, BoundedHttp http, Duration timeout) {
    String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme();
    if (scheme.equals("http") || scheme.equals("https")) {
      return http(endpoint, http);
    }
    if (endpoint.getHost() != null && endpoint.getPort() > 0) {
      return tcp(endpoint.getHost(), endpoint.getPort(), timeout);
    }
    // Nothing to probe (e.g. a name only the buyer resolves): the operator vouches for it.
    return () -> true;
  }
}
