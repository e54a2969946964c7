package io.minicloud.rear.client;

import io.minicloud.rear.client.RearException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * One HTTP exchange with a provider: the bearer token when configured, a bounded body, and every
 * transport failure turned into a {@link RearException} that says what to check. Unlike the Go
 * node's client, every call has a connect timeout and an overall deadline.
 */
final class RearHttp {

  /** What came back; the body is at most the configured cap. */
  record Response(int status, String contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final RearClientOptions options;
  private final HttpClient http;
  private final String base;

  RearHttp(RearClientOptions options) throws IOException {
    this.options = options;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            // the Go node speaks HTTP/1.1 only; no h2c upgrade dance
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(options.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    if (!options.plainHttp()) {
      builder.sslContext(RearTls.context(options.trust(), options.clientCertificate()));
    }
    this.http = builder.build();
    String uri = options.baseUri().toString();
    this.base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  /** {@code host:port} of the provider, as messages name it. */
  String where() {
    URI uri = options.baseUri();
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }

  BearerToken token() {
    return options.token();
  }

  /**
   * @param pathAndQuery from {@code /api/v2/...}, query brackets left raw as the Go client sends
   * @param json the request body, or null for a GET
   */
  Response exchange(String pathAndQuery, byte[] json) throws RearException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(options.requestTimeout())
            .header("Accept", "application/json");
    if (json == null) {
      request.GET();
    } else {
      request.header("Content-Type", "application/json");
      request.POST(HttpRequest.BodyPublishers.ofByteArray(json));
    }
    if (options.token() != null) {
      request.header("Authorization", options.token().headerValue());
    }
    CompletableFuture<HttpResponse<byte[]>> call =
        http.sendAsync(request.build(), CappedBodySubscriber.handler(options.maxResponseBytes()));
    try {
      // the request timeout covers the headers only: this deadline also bounds a trickling body
      HttpResponse<byte[]> response =
          call.get(options.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (TimeoutException e) {
      call.cancel(true);
      throw noAnswer(e);
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
      throw new RearException(0, Kind.UNREACHABLE, "interrupted while asking " + where(), e);
    } catch (ExecutionException e) {
      throw failure(e.getCause() == null ? e : e.getCause());
    }
  }

  private RearException failure(Throwable cause) {
    if (find(cause, CappedBodySubscriber.TooLargeException.class) != null) {
      return new RearException(
          0,
          Kind.PROTOCOL,
          where()
              + " sent an answer larger than "
              + options.maxResponseBytes()
              + " bytes; refused (is it a REAR provider?)",
          cause);
    }
    if (find(cause, HttpConnectTimeoutException.class) != null) {
      return new RearException(
          0,
          Kind.UNREACHABLE,
          "no connection to "
              + where()
              + " within "
              + options.connectTimeout().toMillis()
              + " ms: check the address and that the provider's port is reachable",
          cause);
    }
    if (find(cause, HttpTimeoutException.class) != null) {
      return noAnswer(cause);
    }
    if (find(cause, ConnectException.class) != null) {
      return new RearException(
          0,
          Kind.UNREACHABLE,
          "nothing answers on " + where() + " (connection refused): is the provider running there?",
          cause);
    }
    CertificateException certificate = find(cause, CertificateException.class);
    if (certificate != null || find(cause, SSLException.class) != null) {
      return new RearException(0, Kind.UNREACHABLE, tlsMessage(cause, certificate), cause);
    }
    if (String.valueOf(cause.getMessage()).contains("received no bytes")) {
      // TLS 1.3 servers refuse a missing client certificate after the handshake: by hanging up
      boolean mayWantCertificate = !options.plainHttp() && options.clientCertificate() == null;
      return new RearException(
          0,
          Kind.UNREACHABLE,
          where()
              + " closed the connection without answering"
              + (mayWantCertificate
                  ? "; if the provider requires a client certificate, give one"
                  : "; retry later"),
          cause);
    }
    return new RearException(
        0,
        Kind.UNREACHABLE,
        "talking to "
            + where()
            + " failed: "
            + scrub(String.valueOf(cause.getMessage()))
            + "; check the address and retry",
        cause);
  }

  private String tlsMessage(Throwable cause, CertificateException certificate) {
    String detail = certificate != null ? certificate.getMessage() : cause.getMessage();
    String presented =
        certificate instanceof FingerprintingTrustManager.UntrustedException untrusted
            ? " (it presented " + untrusted.fingerprint() + ")"
            : "";
    if (detail != null && detail.contains("PKIX path")) {
      return "the certificate of "
          + where()
          + " is not trusted"
          + presented
          + ": give its CA file, or pin its SHA-256 fingerprint after checking it with the"
          + " provider's operator";
    }
    if (detail != null && detail.contains("No subject alternative")) {
      return "the certificate of "
          + where()
          + " does not name that address"
          + presented
          + ": dial the name it carries, or pin the certificate";
    }
    return "TLS with " + where() + " failed: " + scrub(String.valueOf(detail));
  }

  private RearException noAnswer(Throwable cause) {
    return new RearException(
        0,
        Kind.UNREACHABLE,
        where()
            + " did not answer within "
            + options.requestTimeout().toMillis()
            + " ms; retry later or raise the timeout",
        cause);
  }

  String scrub(String text) {
    return options.token() == null ? text : options.token().scrub(text);
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
