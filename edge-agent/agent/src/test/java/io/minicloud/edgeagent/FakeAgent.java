package io.minicloud.edgeagent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A fake char-agent or tether-bridge on a JDK HttpServer (loopback, ephemeral port): each path
 * answers what the test sets, including hostile answers (garbage, huge, slow).
 */
public final class FakeAgent implements AutoCloseable {

  /** What one path answers. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final Map<String, Handler> routes = new ConcurrentHashMap<>();

  public FakeAgent() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            Handler h = routes.get(exchange.getRequestURI().getPath());
            if (h == null) {
              send(exchange, 404, "{\"error\":\"no route\"}");
            } else {
              h.handle(exchange);
            }
          }
        });
    server.start();
  }

  public URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public FakeAgent json(String path, String body) {
    routes.put(path, e -> send(e, 200, body));
    return this;
  }

  public FakeAgent route(String path, Handler handler) {
    routes.put(path, handler);
    return this;
  }

  public static void send(HttpExchange e, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    e.getResponseHeaders().set("Content-Type", "application/json");
    e.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = e.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** An answer of {@code bytes} bytes of JSON-looking filler, streamed without a length. */
  public static Handler huge(long bytes) {
    return e -> {
      e.sendResponseHeaders(200, 0);
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) ' ');
      try (OutputStream out = e.getResponseBody()) {
        for (long sent = 0; sent < bytes; sent += chunk.length) {
          out.write(chunk);
        }
      } catch (IOException closedByClient) {
        // the client refusing the rest is what the test wants
      }
    };
  }

  /** Headers at once, then a body that never finishes. */
  public static Handler trickle() {
    return e -> {
      e.sendResponseHeaders(200, 0);
      try (OutputStream out = e.getResponseBody()) {
        for (int i = 0; i < 600; i++) {
          out.write('{');
          out.flush();
          Thread.sleep(100);
        }
      } catch (IOException | InterruptedException closed) {
        // the client gave up
      }
    };
  }

  public static String resource(String name) throws IOException {
    try (var in = FakeAgent.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
