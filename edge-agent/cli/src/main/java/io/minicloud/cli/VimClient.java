package io.minicloud.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * minicloud-vim's REST API v1 ({@code /api/v1/workloads}, docs/api/minicloud-vim-v1.md) as the CLI
 * uses it. Each call returns the answer whatever its status: the callers decide what a 404 or a 409
 * means. Only an unreachable VIM is a failure here (exit {@value #UNREACHABLE}).
 */
final class VimClient {

  /** Exit code when nothing answers at the VIM's address. */
  static final int UNREACHABLE = 3;

  static final String DEFAULT_URL = "http://127.0.0.1:9103";

  static final String START_HINT =
      "start it with `./minicloud demo` or `systemctl start minicloud-vim`";

  private final HttpClient http;
  private final URI base;
  private final Duration timeout;

  /**
   * @param base the VIM's root URL, e.g. {@code http://127.0.0.1:9103}
   * @param timeout how long to wait for each answer
   */
  VimClient(HttpClient http, URI base, Duration timeout) {
    this.http = http;
    this.base = base.getPath().endsWith("/") ? base : URI.create(base + "/");
    this.timeout = timeout;
  }

  /** Where the VIM is, for messages: {@code 127.0.0.1:9103}. */
  String where() {
    return base.getAuthority();
  }

  VimResponse list(String namespace) {
    return send(
        "GET", "api/v1/workloads" + (namespace == null ? "" : "?namespace=" + namespace), null);
  }

  VimResponse create(Map<String, Object> workload) {
    return send("POST", "api/v1/workloads", workload);
  }

  VimResponse replace(String namespace, String name, Map<String, Object> workload) {
    return send("PUT", workload(namespace, name), workload);
  }

  VimResponse get(String namespace, String name) {
    return send("GET", workload(namespace, name), null);
  }

  VimResponse manifests(String namespace, String name) {
    return send("GET", workload(namespace, name) + "/manifests", null);
  }

  VimResponse console(String namespace, String name) {
    return send("GET", workload(namespace, name) + "/console", null);
  }

  VimResponse delete(String namespace, String name) {
    return send("DELETE", workload(namespace, name), null);
  }

  /** {@code start}, {@code stop} or {@code restart}. */
  VimResponse action(String namespace, String name, String action) {
    return send("POST", workload(namespace, name) + "/" + action, Map.of());
  }

  /** Names were checked as DNS-1123 labels, so they need no escaping in a path. */
  private static String workload(String namespace, String name) {
    return "api/v1/workloads/" + namespace + "/" + name;
  }

  private VimResponse send(String method, String path, Object body) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .header("Accept", "application/json")
            .method(method, publisher);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response;
    try {
      response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw notRunning();
    } catch (HttpConnectTimeoutException e) {
      throw new CliFailure(
          UNREACHABLE,
          "no connection to minicloud-vim at " + where() + " within " + timeout.toMillis() + " ms");
    } catch (HttpTimeoutException e) {
      throw new CliFailure(
          UNREACHABLE,
          "minicloud-vim at " + where() + " did not answer within " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      if (e.getCause() instanceof ConnectException) {
        throw notRunning();
      }
      throw new CliFailure(
          UNREACHABLE, "talking to minicloud-vim at " + where() + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(1, "interrupted");
    }
    return new VimResponse(response.statusCode(), parse(response.body()), response.body());
  }

  private static Object parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return Json.parse(body);
    } catch (IllegalArgumentException e) {
      // Not JSON (a proxy's HTML page, say): VimResponse.error() shows its first line.
      return null;
    }
  }

  private CliFailure notRunning() {
    return new CliFailure(
        UNREACHABLE, "minicloud-vim is not running on " + where() + ": " + START_HINT);
  }
}
