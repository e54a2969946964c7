package io.minicloud.rear.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one REAR provider. Build with {@link #builder(URI)}; the defaults suit our provider
 * over HTTPS (JDK trust, 5 s to connect, 30 s per call, 16 MiB per answer). A stock FLUIDOS node
 * serves plain {@code http://} without auth: its base URL is {@code http://host:port}.
 *
 * @param baseUri {@code http://host:port} or {@code https://host:port}, optionally with a path
 *     prefix before {@code /api/v2}
 * @param token sent as {@code Authorization: Bearer}, or null for none
 * @param allowTokenOverPlainHttp whether a token may go over {@code http://} (anyone on the path
 *     reads it); false refuses that combination
 * @param trust which HTTPS servers to believe
 * @param clientCertificate presented for mutual TLS, or null
 * @param maxResponseBytes an answer beyond this is refused (PROTOCOL) rather than buffered
 */
public record RearClientOptions(
    URI baseUri,
    BearerToken token,
    boolean allowTokenOverPlainHttp,
    RearTrust trust,
    ClientCertificate clientCertificate,
    Duration connectTimeout,
    Duration requestTimeout,
    long maxResponseBytes) {

  public static final long DEFAULT_MAX_RESPONSE_BYTES = 16L << 20;

  public RearClientOptions {
    Objects.requireNonNull(baseUri, "baseUri");
    Objects.requireNonNull(trust, "trust");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    String scheme = baseUri.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || baseUri.getHost() == null) {
      throw new IllegalArgumentException(
          "a REAR provider is http://HOST:PORT or https://HOST:PORT, not '" + baseUri + "'");
    }
    boolean plain = "http".equals(scheme);
    if (plain && token != null && !allowTokenOverPlainHttp) {
      throw new IllegalArgumentException(
          "refusing to send the bearer token over plain http:// to "
              + baseUri.getAuthority()
              + ": use https://, or allow it explicitly");
    }
    if (plain && (clientCertificate != null || !(trust instanceof RearTrust.JdkDefault))) {
      throw new IllegalArgumentException(
          "a CA file, certificate pin or client certificate needs https://, not "
              + baseUri.getAuthority()
              + " over plain http://");
    }
    if (connectTimeout.isNegative()
        || connectTimeout.isZero()
        || requestTimeout.isNegative()
        || requestTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
    if (maxResponseBytes < 1024) {
      throw new IllegalArgumentException("the response cap must be at least 1024 bytes");
    }
  }

  public boolean plainHttp() {
    return "http".equals(baseUri.getScheme());
  }

  public static Builder builder(URI baseUri) {
    return new Builder(baseUri);
  }

  /** Optional settings, each with its default. */
  public static final class Builder {
    private final URI baseUri;
    private BearerToken token;
    private boolean allowTokenOverPlainHttp;
    private RearTrust trust = new RearTrust.JdkDefault();
    private ClientCertificate clientCertificate;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

    private Builder(URI baseUri) {
      this.baseUri = baseUri;
    }

    public Builder token(BearerToken value) {
      this.token = value;
      return this;
    }

    public Builder allowTokenOverPlainHttp(boolean value) {
      this.allowTokenOverPlainHttp = value;
      return this;
    }

    public Builder trust(RearTrust value) {
      this.trust = value;
      return this;
    }

    public Builder clientCertificate(ClientCertificate value) {
      this.clientCertificate = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    public Builder requestTimeout(Duration value) {
      this.requestTimeout = value;
      return this;
    }

    public Builder maxResponseBytes(long value) {
      this.maxResponseBytes = value;
      return this;
    }

    public RearClientOptions build() {
      return new RearClientOptions(
          baseUri,
          token,
          allowTokenOverPlainHttp,
          trust,
          clientCertificate,
          connectTimeout,
          requestTimeout,
          maxResponseBytes);
    }
  }
}
