package io.minicloud.rear.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.minicloud.rear.model.RearFixtures;
import io.minicloud.rear.model.RearJson;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Stands in for a Go FLUIDOS node's REAR gateway: no Go node can run here (it needs Kubernetes,
 * Liqo and the node's controllers), so this JDK server replays {@code
 * shared/rear/node-wire-examples/} with the node's behaviour from INTEROP §3.2: raw query received
 * as sent, 204 with no body for an empty {@code /flavors}, 400 for a bad filter key, 404 for {@code
 * /flavors/vm}, 500 text/plain for an unknown flavor or transaction id, 408 for an expired
 * transaction, 503 until "Liqo is ready", and a transaction deleted by its purchase. The error
 * texts are paraphrased, not the node's exact strings. Misbehaviours are switched on by {@link
 * Mode}.
 */
public final class GoNodeStandIn implements AutoCloseable {

  /** The node's accepted filter keys (gateway/provider.go), per INTEROP §3.2. */
  private static final Pattern K8SLICE_KEY =
      Pattern.compile(
          "filter\\[(architecture|cpu|memory|pods|storage)\\]\\[(match|range)\\](?:\\[(min|max|regex)\\])?");

  private static final Pattern SERVICE_KEY =
      Pattern.compile("filter\\[(category|tags)\\]\\[match\\]");

  public static final String TRANSACTION_ID =
      "9f2b0c4e5a6d7e8f9a0b1c2d3e4f5a6b-1747562400123456789";

  public enum Mode {
    NODE,
    EMPTY,
    NOT_READY,
    TRUNCATED_JSON,
    HTML,
    HUGE_CHUNKED,
    HUGE_DECLARED,
    SILENT,
    /** Answer every call with {@link #script}: our provider's JSON errors, for instance. */
    SCRIPTED
  }

  /** One request as the stand-in received it: the raw path and query, not decoded. */
  public record Received(
      String method, String rawPath, String rawQuery, String authorization, String body) {
    public JsonNode json() throws IOException {
      return RearJson.mapper().readTree(body);
    }
  }

  public record Script(int status, String contentType, String body) {}

  public final List<Received> received = new CopyOnWriteArrayList<>();
  public volatile Mode mode = Mode.NODE;
  public volatile Script script;

  private final Set<String> transactions = ConcurrentHashMap.newKeySet();
  private final Set<String> expired = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final HttpServer server;
  private final String scheme;

  private GoNodeStandIn(HttpServer server, String scheme) {
    this.server = server;
    this.scheme = scheme;
    transactions.add(TRANSACTION_ID);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Plain HTTP, no auth: the node as it ships. */
  public static GoNodeStandIn http() throws IOException {
    return new GoNodeStandIn(HttpServer.create(loopback(), 0), "http");
  }

  /**
   * The same behaviour behind TLS (our provider's transport), optionally asking for a client cert.
   */
  public static GoNodeStandIn https(SSLContext context, boolean needClientAuth) throws IOException {
    HttpsServer server = HttpsServer.create(loopback(), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters params) {
            // through SSLParameters: the JDK applies setNeedClientAuth, then a want=false over it
            SSLParameters ssl = context.getDefaultSSLParameters();
            ssl.setNeedClientAuth(needClientAuth);
            params.setSSLParameters(ssl);
          }
        });
    return new GoNodeStandIn(server, "https");
  }

  public String url() {
    return scheme + "://127.0.0.1:" + server.getAddress().getPort();
  }

  public String authority() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public void expire(String transactionId) {
    expired.add(transactionId);
  }

  public Received last() {
    return received.get(received.size() - 1);
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(
        new Received(
            ex.getRequestMethod(),
            ex.getRequestURI().getRawPath(),
            ex.getRequestURI().getRawQuery(),
            ex.getRequestHeaders().getFirst("Authorization"),
            body));
    switch (mode) {
      case NOT_READY -> send(ex, 503, null, "");
      case TRUNCATED_JSON -> {
        String list = RearFixtures.read("list-flavors-response.json");
        send(ex, 200, "application/json", list.substring(0, list.length() / 2));
      }
      case HTML -> send(ex, 200, "text/html", "<html><body>router login</body></html>");
      case HUGE_CHUNKED -> huge(ex, 0);
      case HUGE_DECLARED -> huge(ex, 4L << 20);
      case SILENT -> silent(ex);
      case SCRIPTED -> send(ex, script.status(), script.contentType(), script.body());
      default -> route(ex, body);
    }
  }

  private void route(HttpExchange ex, String body) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String get = "GET".equals(ex.getRequestMethod()) ? path : "";
    if (get.equals("/api/v2/flavors")) {
      if (mode == Mode.EMPTY) {
        send(ex, 204, null, "");
      } else {
        send(ex, 200, "application/json", RearFixtures.read("list-flavors-response.json"));
      }
    } else if (get.equals("/api/v2/flavors/k8slice") || get.equals("/api/v2/flavors/service")) {
      typedList(ex, path.substring(path.lastIndexOf('/') + 1));
    } else if (path.equals("/api/v2/reservations") && "POST".equals(ex.getRequestMethod())) {
      reserve(ex, RearJson.mapper().readTree(body));
    } else if (path.startsWith("/api/v2/transactions/") && path.endsWith("/purchase")) {
      purchase(ex, path.substring("/api/v2/transactions/".length(), path.length() - 9));
    } else {
      send(ex, 404, "text/plain; charset=utf-8", "404 page not found\n");
    }
  }

  private void typedList(HttpExchange ex, String type) throws IOException {
    String query = ex.getRequestURI().getRawQuery();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      String key = URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8);
      if (!(type.equals("k8slice") ? K8SLICE_KEY : SERVICE_KEY).matcher(key).matches()) {
        send(ex, 400, "text/plain; charset=utf-8", "invalid filter key: " + key + "\n");
        return;
      }
    }
    StringBuilder out = new StringBuilder("[");
    for (JsonNode flavor :
        RearJson.mapper().readTree(RearFixtures.read("list-flavors-response.json"))) {
      if (mode != Mode.EMPTY && type.equals(flavor.path("type").path("name").asText())) {
        out.append(out.length() > 1 ? "," : "").append(flavor);
      }
    }
    send(ex, 200, "application/json", out.append(']').toString());
  }

  private void reserve(HttpExchange ex, JsonNode request) throws IOException {
    String flavorId = request.path("flavorID").asText();
    boolean known = false;
    for (JsonNode flavor :
        RearJson.mapper().readTree(RearFixtures.read("list-flavors-response.json"))) {
      known |= flavor.path("flavorID").asText().equals(flavorId);
    }
    if (!known) {
      send(ex, 500, "text/plain; charset=utf-8", "flavor " + flavorId + " not found\n");
    } else if (request
        .path("buyerID")
        .path("additionalInformation")
        .path("liqoID")
        .asText()
        .isEmpty()) {
      send(ex, 400, "text/plain; charset=utf-8", "missing liqoID in buyerID\n");
    } else {
      send(ex, 200, "application/json", RearFixtures.read("reserve-response-transaction.json"));
    }
  }

  private void purchase(HttpExchange ex, String transactionId) throws IOException {
    if (expired.contains(transactionId)) {
      send(ex, 408, "text/plain; charset=utf-8", "transaction expired\n");
    } else if (!transactions.remove(transactionId)) {
      send(ex, 500, "text/plain; charset=utf-8", "transaction " + transactionId + " not found\n");
    } else {
      send(ex, 200, "application/json", RearFixtures.read("purchase-response-contract.json"));
    }
  }

  /** 4 MiB of JSON array, chunked ({@code declared} 0) or with a Content-Length. */
  private static void huge(HttpExchange ex, long declared) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(200, declared);
    byte[] filler = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = ex.getResponseBody()) {
      out.write('[');
      for (int i = 1; i < 64; i++) {
        out.write(filler);
      }
      out.write(filler, 0, filler.length - 2);
      out.write(']');
    } catch (IOException expected) {
      // the client hangs up once it has read its cap: that is the behaviour under test
      ex.close();
    }
  }

  private void silent(HttpExchange ex) throws IOException {
    try {
      closing.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ex.close();
  }

  private static void send(HttpExchange ex, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (type != null) {
      ex.getResponseHeaders().add("Content-Type", type);
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static InetSocketAddress loopback() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  }
}
