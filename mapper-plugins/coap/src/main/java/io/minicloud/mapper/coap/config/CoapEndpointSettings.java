package io.minicloud.mapper.coap.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one CoAP endpoint (one Californium {@code CoapEndpoint}) is opened with. Devices whose
 * settings give the same {@link #linkId()} share one endpoint, so they must agree on all of them.
 *
 * @param dtls the credentials of a {@code coaps} link; empty for {@code coap}
 * @param ackTimeout RFC 7252 ACK_TIMEOUT: the first retransmission of a CON after this
 * @param maxRetransmit RFC 7252 MAX_RETRANSMIT
 * @param requestTimeout how long a whole request (retransmissions and blocks included) may take
 * @param maxBodySize the largest body sent or received block-wise, in bytes
 * @param blockSize the preferred block size (16..1024, a power of two)
 */
public record CoapEndpointSettings(
    CoapUri uri,
    Optional<DtlsCredentials> dtls,
    Duration ackTimeout,
    int maxRetransmit,
    Duration requestTimeout,
    int maxBodySize,
    int blockSize) {

  public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(2);
  public static final int DEFAULT_MAX_RETRANSMIT = 4;
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  public static final int DEFAULT_MAX_BODY_SIZE = 64 * 1024;
  public static final int DEFAULT_BLOCK_SIZE = 512;

  public CoapEndpointSettings {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(dtls, "dtls");
    Objects.requireNonNull(ackTimeout, "ackTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (uri.secure() != dtls.isPresent()) {
      throw new IllegalArgumentException("coaps needs DTLS credentials, coap takes none");
    }
  }

  /** Defaults for everything but where and how to authenticate. */
  public static CoapEndpointSettings of(CoapUri uri, Optional<DtlsCredentials> dtls) {
    return new CoapEndpointSettings(
        uri,
        dtls,
        DEFAULT_ACK_TIMEOUT,
        DEFAULT_MAX_RETRANSMIT,
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_MAX_BODY_SIZE,
        DEFAULT_BLOCK_SIZE);
  }

  /**
   * {@code coap:coap://host:port} or {@code coap:coaps://host:port#<identity>}: the PSK identity
   * (or the certificate or key file) tells apart two credentials for one endpoint; a key never
   * shows.
   */
  public String linkId() {
    return "coap:" + uri + dtls.map(d -> "#" + d.linkIdSuffix()).orElse("");
  }

  /** The names of the settings that differ, for a refusal to share one link. */
  public List<String> differencesFrom(CoapEndpointSettings other) {
    List<String> differences = new ArrayList<>();
    if (!dtls.equals(other.dtls)) {
      differences.add("DTLS credentials (files or key encoding)");
    }
    if (!ackTimeout.equals(other.ackTimeout)) {
      differences.add("ackTimeout");
    }
    if (maxRetransmit != other.maxRetransmit) {
      differences.add("maxRetransmit");
    }
    if (!requestTimeout.equals(other.requestTimeout)) {
      differences.add("requestTimeout");
    }
    if (maxBodySize != other.maxBodySize) {
      differences.add("maxBodySize");
    }
    if (blockSize != other.blockSize) {
      differences.add("blockSize");
    }
    return differences;
  }
}
