package io.minicloud.edgeagent.rear.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JDK HttpServer playing minicloud-vim's provisioning API (a fake: running the real VIM, a second
 * Quarkus app, inside this test is not practical; the VIM side is tested in minicloud-vim). It
 * checks the bearer token, remembers provisions, issues a new kubeconfig on every credentials read,
 * and can be told to fail.
 */
final class FakeVim implements AutoCloseable {

  static final String TOKEN = "fake-vim-provisioning-token-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  final HttpServer server;
  final Path tokenFile;
  final List<String> calls = new CopyOnWriteArrayList<>();
  final Map<String, JsonNode> provisions = new ConcurrentHashMap<>();
  final Map<String, Boolean> revoked = new ConcurrentHashMap<>();
  volatile int failWith = 0;
  volatile String failMessage = "";
  private int issued;

  FakeVim(Path dir) throws IOException {
    tokenFile = dir.resolve("provisioning-token");
    Files.writeString(tokenFile, TOKEN + "\n");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v1/provisions", this::handle);
    server.start();
  }

  VimSettings settings() {
    return new VimSettings(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        tokenFile,
        "quay.io/containerdisks/debian:12",
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofMinutes(5),
        Duration.ofSeconds(5));
  }

  /** What the fake answers for the n-th credentials read: unmistakably a kubeconfig, and unique. */
  static String kubeconfig(int n) {
    return java.util.Base64.getEncoder()
        .encodeToString(
            ("apiVersion: v1\nkind: Config\n# token " + n + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    String query = x.getRequestURI().getQuery();
    calls.add(x.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
    byte[] body = x.getRequestBody().readAllBytes();
    if (!("Bearer " + TOKEN).equals(x.getRequestHeaders().getFirst("Authorization"))) {
      send(x, 401, Map.of("error", "a valid provisioning bearer token is required"));
      return;
    }
    if (failWith != 0) {
      send(x, failWith, Map.of("error", failMessage));
      return;
    }
    String id = path.substring("/api/v1/provisions".length()).replaceFirst("^/", "");
    switch (x.getRequestMethod()) {
      case "POST" -> {
        JsonNode request = JSON.readTree(body);
        String contractId = request.path("contractId").asText();
        provisions.put(contractId, request);
        send(
            x,
            201,
            Map.of(
                "contractId",
                contractId,
                "namespace",
                "rear-" + contractId,
                "state",
                "provisioned",
                "kubeconfig",
                kubeconfig(++issued)));
      }
      case "GET" -> {
        if (!provisions.containsKey(id)) {
          send(x, 404, Map.of("error", "no provision for contract " + id));
        } else if ("credentials=true".equals(query)) {
          send(
              x,
              200,
              Map.of("contractId", id, "state", "provisioned", "kubeconfig", kubeconfig(++issued)));
        } else {
          send(x, 200, Map.of("contractId", id, "state", "provisioned"));
        }
      }
      case "DELETE" -> {
        if (!provisions.containsKey(id)) {
          send(x, 404, Map.of("error", "no provision for contract " + id));
        } else {
          revoked.put(id, true);
          x.sendResponseHeaders(204, -1);
          x.close();
        }
      }
      default -> send(x, 405, Map.of("error", "no"));
    }
  }

  private static void send(HttpExchange x, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
