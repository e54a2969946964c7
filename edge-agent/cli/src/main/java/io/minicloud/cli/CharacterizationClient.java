package io.minicloud.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Asks a running char-agent for this gateway's characterization ({@code GET
 * /characterization?format=json|tosca}). The CLI never characterizes by itself: the char-agent is
 * the one implementation, and it runs on every gateway. {@code --root DIR} is forwarded as {@code
 * root=} only to a char-agent on this machine, which accepts it only when started with {@code
 * minicloud.char-agent.allow-root-override=true}.
 */
final class CharacterizationClient {

  /** The document formats, as the char-agent names them. */
  enum Format {
    JSON("application/json"),
    TOSCA("application/yaml");

    final String mediaType;

    Format(String mediaType) {
      this.mediaType = mediaType;
    }

    String query() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final String START_HINT =
      "start it with `./minicloud demo` or `systemctl start minicloud-char-agent`";

  private final HttpClient http;
  private final URI base;
  private final Duration timeout;

  /**
   * @param base the char-agent's root URL, e.g. {@code http://127.0.0.1:9101/}
   * @param timeout how long to wait for the connection and for the answer
   */
  CharacterizationClient(HttpClient http, URI base, Duration timeout) {
    this.http = http;
    this.base = base.getPath().endsWith("/") ? base : URI.create(base + "/");
    this.timeout = timeout;
  }

  /**
   * The document as the char-agent wrote it.
   *
   * @param root a directory to characterize instead of the agent's root, or null
   * @throws CliFailure (exit 1) saying what to do when there is no char-agent, it refuses, or it
   *     answers something else
   */
  String fetch(Format format, Path root) {
    String query = "format=" + format.query();
    if (root != null) {
      query += "&root=" + URLEncoder.encode(root.toString(), StandardCharsets.UTF_8);
    }
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("characterization?" + query))
            .timeout(timeout)
            .header("Accept", format.mediaType)
            .GET()
            .build();
    HttpResponse<String> response = send(request);
    int code = response.statusCode();
    if (code == 403 && root != null) {
      throw new CliFailure(
          1,
          "the char-agent at "
              + where()
              + " does not accept --root: restart it with"
              + " -Dminicloud.char-agent.allow-root-override=true (for the service:"
              + " Environment=MINICLOUD_CHAR_AGENT_ALLOW_ROOT_OVERRIDE=true through"
              + " `systemctl edit minicloud-char-agent`)");
    }
    if (code != 200) {
      throw new CliFailure(
          1, "the char-agent at " + where() + " answered HTTP " + code + ": " + reason(response));
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.toLowerCase(Locale.ROOT).startsWith(format.mediaType)) {
      throw new CliFailure(
          1,
          "something on "
              + where()
              + " answered, but not a char-agent (Content-Type '"
              + type
              + "', expected "
              + format.mediaType
              + ")");
    }
    String body = response.body();
    return body.endsWith("\n") ? body : body + "\n";
  }

  /** Whether the URL's host is this machine's loopback, where --root makes sense. */
  static boolean isLoopback(URI url) {
    String host = url.getHost();
    if (host == null) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw notRunning();
    } catch (HttpConnectTimeoutException e) {
      throw new CliFailure(
          1,
          "no connection to the char-agent at "
              + where()
              + " within "
              + timeout.toMillis()
              + " ms");
    } catch (HttpTimeoutException e) {
      throw new CliFailure(
          1,
          "the char-agent at " + where() + " did not answer within " + timeout.toMillis() + " ms");
    } catch (IOException e) {
      if (e.getCause() instanceof ConnectException) {
        throw notRunning();
      }
      throw new CliFailure(
          1, "talking to the char-agent at " + where() + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(1, "interrupted");
    }
  }

  private CliFailure notRunning() {
    return new CliFailure(1, "char-agent is not running on " + where() + ": " + START_HINT);
  }

  private String where() {
    return base.getAuthority();
  }

  /** The agent's JSON {@code error}, else the first line of the body. */
  private static String reason(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body().strip();
    try {
      if (Json.parse(body) instanceof Map<?, ?> m && m.get("error") instanceof String error) {
        return error;
      }
    } catch (IllegalArgumentException e) {
      // Not JSON: show the start of what came back.
    }
    String line = body.lines().findFirst().orElse("(empty body)");
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }
}
