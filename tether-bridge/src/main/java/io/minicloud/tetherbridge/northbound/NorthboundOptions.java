package io.minicloud.tetherbridge.northbound;

import io.minicloud.mapper.api.tls.Secret;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the northbound broker. Built with {@link #builder}; the password is a {@link
 * Secret}, so {@code toString} never shows it.
 *
 * @param brokerUri {@code tcp://host:port} or {@code ssl://host:port}
 * @param clientId the MQTT client id (one per gateway: the broker keeps its session)
 * @param username null for none
 * @param password null for none
 * @param tls for ssl:// only; null there means the JVM's trust store and no client certificate
 * @param protocol MQTT version, {@link ProtocolVersion#AUTO} by default
 * @param keepAlive MQTT keepalive: how fast a dead connection is noticed
 * @param connectTimeout how long one connection attempt may take
 * @param inflightWindow how many publishes may wait for their PUBACK at once
 * @param topicRoot the node's topics
 * @param cleanStart false keeps the session on the broker, so commands sent while the bridge is
 *     away are delivered when it is back
 * @param sessionExpiry how long the broker keeps that session (MQTT 5; 3.1.1 keeps it forever)
 * @param reconnect backoff between attempts
 */
public record NorthboundOptions(
    String brokerUri,
    String clientId,
    String username,
    Secret password,
    TlsOptions tls,
    ProtocolVersion protocol,
    Duration keepAlive,
    Duration connectTimeout,
    int inflightWindow,
    TopicRoot topicRoot,
    boolean cleanStart,
    Duration sessionExpiry,
    ReconnectOptions reconnect) {

  public NorthboundOptions {
    Objects.requireNonNull(brokerUri, "brokerUri");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(topicRoot, "topicRoot");
    Objects.requireNonNull(reconnect, "reconnect");
    boolean ssl = checkUri(brokerUri);
    if (!ssl && tls != null) {
      throw new IllegalArgumentException(
          "TLS settings were given but the broker URI " + brokerUri + " is not ssl://");
    }
    if (clientId == null || clientId.isEmpty() || clientId.length() > 65535) {
      throw new IllegalArgumentException("the MQTT client id must not be empty");
    }
    if (password != null && username == null) {
      throw new IllegalArgumentException("a password was given without a user name");
    }
    if (inflightWindow < 1 || inflightWindow > 1024) {
      throw new IllegalArgumentException("in-flight window must be 1..1024, was " + inflightWindow);
    }
    if (keepAlive.isNegative() || keepAlive.toSeconds() > 65535) {
      throw new IllegalArgumentException("keepalive must be 0..65535 s, was " + keepAlive);
    }
    if (connectTimeout.toSeconds() < 1) {
      throw new IllegalArgumentException("connect timeout must be at least 1 s: " + connectTimeout);
    }
  }

  public static Builder builder(String brokerUri, String node) {
    return new Builder(brokerUri, new TopicRoot(node));
  }

  public boolean ssl() {
    return brokerUri.startsWith("ssl://");
  }

  /** The TLS settings in effect for ssl:// (the JVM's defaults when none were given). */
  public TlsOptions tlsOrDefaults() {
    return tls == null ? TlsOptions.JVM_DEFAULTS : tls;
  }

  private static boolean checkUri(String brokerUri) {
    URI uri;
    try {
      uri = new URI(brokerUri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("broker URI is not a URI: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme();
    if (!"tcp".equals(scheme) && !"ssl".equals(scheme)) {
      throw new IllegalArgumentException(
          "broker URI " + brokerUri + " must start with tcp:// or ssl://");
    }
    if (uri.getHost() == null || uri.getPort() < 1) {
      throw new IllegalArgumentException(
          "broker URI " + brokerUri + " needs a host and a port, e.g. tcp://127.0.0.1:1883");
    }
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException(
          "broker URI must not carry credentials; set the user name and password separately");
    }
    return "ssl".equals(scheme);
  }

  /** Defaults: protocol auto, keepalive 30 s, connect timeout 10 s, window 32, kept session. */
  public static final class Builder {
    private final String brokerUri;
    private final TopicRoot topicRoot;
    private String clientId;
    private String username;
    private Secret password;
    private TlsOptions tls;
    private ProtocolVersion protocol = ProtocolVersion.AUTO;
    private Duration keepAlive = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private int inflightWindow = 32;
    private boolean cleanStart;
    private Duration sessionExpiry = Duration.ofDays(1);
    private ReconnectOptions reconnect = ReconnectOptions.DEFAULTS;

    private Builder(String brokerUri, TopicRoot topicRoot) {
      this.brokerUri = brokerUri;
      this.topicRoot = topicRoot;
      this.clientId = "minicloud-" + topicRoot.node() + "-tether-bridge";
    }

    public Builder clientId(String value) {
      this.clientId = value;
      return this;
    }

    public Builder credentials(String user, Secret secret) {
      this.username = user;
      this.password = secret;
      return this;
    }

    public Builder tls(TlsOptions value) {
      this.tls = value;
      return this;
    }

    public Builder protocol(ProtocolVersion value) {
      this.protocol = value;
      return this;
    }

    public Builder keepAlive(Duration value) {
      this.keepAlive = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      this.connectTimeout = value;
      return this;
    }

    public Builder inflightWindow(int value) {
      this.inflightWindow = value;
      return this;
    }

    public Builder cleanStart(boolean value) {
      this.cleanStart = value;
      return this;
    }

    public Builder sessionExpiry(Duration value) {
      this.sessionExpiry = value;
      return this;
    }

    public Builder reconnect(ReconnectOptions value) {
      this.reconnect = value;
      return this;
    }

    public NorthboundOptions build() {
      return new NorthboundOptions(
          brokerUri,
          clientId,
          username,
          password,
          tls,
          protocol,
          keepAlive,
          connectTimeout,
          inflightWindow,
          topicRoot,
          cleanStart,
          sessionExpiry,
          reconnect);
    }
  }
}
