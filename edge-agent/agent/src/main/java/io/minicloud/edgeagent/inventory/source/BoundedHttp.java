package io.minicloud.edgeagent.inventory.source;

import io.minicloud.edgeagent.inventory.SourceException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs from the other agents with a deadline on the whole exchange (a server that trickles its body
 * cannot hold a refresh) and a cap on the body (a huge answer cannot fill the heap). Every failure
 * is a {@link SourceException} whose message names the URL and what went wrong.
 */
public class BoundedHttp {

  private final HttpClient client;
  private final Duration timeout;
  private final int maxBytes;

  public BoundedHttp(Duration timeout, int maxBytes) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  /** The body of a 2xx answer as UTF-8 text. */
  public String get(URI uri) throws SourceException {
    return get(uri, "application/json");
  }

  /** The body of a 2xx answer as UTF-8 text, asking for {@code accept}. */
  public String get(URI uri, String accept) throws SourceException {
    HttpResponse<byte[]> response = exchange(uri, accept);
    if (response.statusCode() / 100 != 2) {
      throw new SourceException(uri + " answered HTTP " + response.statusCode());
    }
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** The HTTP status of a GET, for probes that only ask "is anyone there". */
  public int status(URI uri) throws SourceException {
    return exchange(uri, "*/*").statusCode();
  }

  private HttpResponse<byte[]> exchange(URI uri, String accept) throws SourceException {
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET().build();
    } catch (IllegalArgumentException e) {
      throw new SourceException(uri + " is not an HTTP URL", e);
    }
    CompletableFuture<HttpResponse<byte[]>> exchange =
        client.sendAsync(request, info -> new CappedBodySubscriber(maxBytes));
    try {
      return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new SourceException(uri + " did not answer within " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new SourceException(uri + ": interrupted", e);
    } catch (ExecutionException e) {
      throw new SourceException(uri + ": " + describe(e.getCause()), e.getCause());
    }
  }

  private static String describe(Throwable cause) {
    if (cause instanceof CappedBodySubscriber.TooLargeException) {
      return cause.getMessage();
    }
    if (cause instanceof java.net.ConnectException) {
      return "connection refused (is the agent running?)";
    }
    if (cause instanceof IOException && cause.getMessage() != null) {
      return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
    return cause.toString();
  }
}
