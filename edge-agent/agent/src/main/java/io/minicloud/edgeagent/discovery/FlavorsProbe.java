package io.minicloud.edgeagent.discovery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a REAR gateway for its flavors to learn whether it is usable: 200/204 is live, 503 is a
 * FLUIDOS node whose Liqo is not ready yet, anything else or no answer is unreachable.
 */
public final class FlavorsProbe {

  /** The probe's verdict and, unless live, why. */
  public record Result(PeerState state, String error) {}

  private final HttpClient http;
  private final Duration timeout;

  /**
   * @param timeout for the whole exchange, body included, so a slow peer cannot hold a probe
   */
  public FlavorsProbe(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  public Result probe(URI flavorsUri) {
    var request = HttpRequest.newBuilder(flavorsUri).timeout(timeout).GET().build();
    var pending = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    try {
      int status = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
      if (status == 200 || status == 204) {
        return new Result(PeerState.LIVE, null);
      }
      if (status == 503) {
        return new Result(PeerState.NOT_READY, "HTTP 503: the peer is not ready (Liqo)");
      }
      return new Result(PeerState.UNREACHABLE, "unexpected HTTP " + status + " from flavors");
    } catch (TimeoutException e) {
      pending.cancel(true);
      return new Result(PeerState.UNREACHABLE, "no answer within " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new Result(PeerState.UNREACHABLE, describe(cause));
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      return new Result(PeerState.UNREACHABLE, "probe interrupted");
    }
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    if (cause instanceof IOException && (message == null || message.isBlank())) {
      // java.net.http reports a refused connection as a ConnectException without a message.
      return cause.getClass().getSimpleName();
    }
    return cause.getClass().getSimpleName() + ": " + message;
  }
}
