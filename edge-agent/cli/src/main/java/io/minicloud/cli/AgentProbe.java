package io.minicloud.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * Asks one agent over HTTP whether it runs ({@code /api/v1/agent}) and is ready ({@code
 * /q/health/ready}). Anything that refuses the connection is "not running"; anything that answers
 * but not with a readable {@code "status":"UP"} is running and DOWN.
 */
final class AgentProbe {

  private final HttpClient http;
  private final URI base;
  private final Duration timeout;

  /**
   * @param http the client (its connect timeout bounds the "not running" case)
   * @param base the agent's root URL, e.g. {@code http://127.0.0.1:9101/}
   * @param timeout how long to wait for each answer
   */
  AgentProbe(HttpClient http, URI base, Duration timeout) {
    this.http = http;
    this.base = base;
    this.timeout = timeout;
  }

  URI base() {
    return base;
  }

  /** Readiness and version, for {@code minicloud status}. */
  ProbeResult probe() {
    ProbeResult ready = readiness();
    if (ready.state() == ProbeResult.State.NOT_RUNNING) {
      return ready;
    }
    return ready.withVersion(version());
  }

  /** Readiness only, for waiting on a starting agent. */
  ProbeResult readiness() {
    HttpResponse<String> response;
    try {
      response = get("q/health/ready");
    } catch (ConnectException e) {
      return ProbeResult.notRunning("connection refused");
    } catch (HttpConnectTimeoutException e) {
      return ProbeResult.notRunning("no connection within " + timeout.toMillis() + " ms");
    } catch (HttpTimeoutException e) {
      return ProbeResult.running(
          ProbeResult.Health.DOWN, "no answer within " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      if (e.getCause() instanceof ConnectException) {
        return ProbeResult.notRunning("connection refused");
      }
      return ProbeResult.running(ProbeResult.Health.DOWN, "broken answer: " + e.getMessage());
    }
    int code = response.statusCode();
    if (code != 200 && code != 503) {
      return ProbeResult.running(ProbeResult.Health.DOWN, "HTTP " + code);
    }
    String status = statusOf(response.body());
    if ("UP".equals(status)) {
      return ProbeResult.running(ProbeResult.Health.UP, null);
    }
    if (status == null) {
      return ProbeResult.running(ProbeResult.Health.DOWN, "unreadable health answer");
    }
    return ProbeResult.running(ProbeResult.Health.DOWN, "status " + status);
  }

  private String version() {
    try {
      HttpResponse<String> response = get("api/v1/agent");
      if (response.statusCode() == 200 && Json.parse(response.body()) instanceof Map<?, ?> m) {
        Object version = m.get("version");
        return version == null ? null : version.toString();
      }
    } catch (IOException | IllegalArgumentException e) {
      // The version column then shows "-"; the health column already says what is wrong.
    }
    return null;
  }

  private static String statusOf(String body) {
    try {
      if (Json.parse(body) instanceof Map<?, ?> m && m.get("status") instanceof String s) {
        return s;
      }
    } catch (IllegalArgumentException e) {
      // Not JSON: reported as an unreadable answer.
    }
    return null;
  }

  private HttpResponse<String> get(String path) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
