package io.minicloud.mapper.coap.config;

import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.config.ConfigFields;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a device's {@code protocol.configData} into {@link CoapEndpointSettings}. See the module
 * README for every key. Secrets are only ever file names: a key written into the device file is
 * refused, and the refusal never repeats it.
 */
public final class CoapProtocolConfig {
  static final Set<String> KEYS =
      new LinkedHashSet<>(
          List.of(
              "uri",
              "host",
              "port",
              "pskIdentity",
              "pskKeyFile",
              "pskKeyEncoding",
              "certFile",
              "keyFile",
              "caFile",
              "rpk",
              "publicKeyFile",
              "serverPublicKeyFile",
              "ackTimeout",
              "maxRetransmit",
              "requestTimeout",
              "maxBodySize",
              "blockSize"));

  /** Keys people write when they put a secret inline; each is refused without echoing it. */
  static final Set<String> INLINE_SECRETS =
      Set.of("psk", "pskKey", "key", "secret", "password", "privateKey", "pskSecret");

  private static final int MAX_IDENTITY_LENGTH = 128;

  private CoapProtocolConfig() {}

  /** The field path of a protocol config key, as errors report it. */
  public static String field(String key) {
    return "protocol.configData." + key;
  }

  /**
   * Binds the map, adding every problem to {@code errors}.
   *
   * @return the settings, or empty when there were errors
   */
  public static Optional<CoapEndpointSettings> bind(
      Map<String, Object> config, List<FieldError> errors) {
    int before = errors.size();
    ConfigFields fields = new ConfigFields(config, CoapProtocolConfig::field, errors);
    Set<String> known = new LinkedHashSet<>(KEYS);
    for (String key : config.keySet()) {
      if (INLINE_SECRETS.contains(key)) {
        known.add(key);
        fields.error(
            key,
            "secrets are not accepted inline in a device file; put the key in a file readable only"
                + " by the minicloud user and name it with pskKeyFile (or keyFile)");
      }
    }
    fields.rejectUnknown(known);
    CoapUri uri = uri(fields);
    Optional<DtlsCredentials> dtls = dtls(fields, uri);
    Duration ackTimeout =
        Duration.ofMillis(fields.integer("ackTimeout", 100, 60_000).orElse(2_000L));
    int maxRetransmit = fields.integer("maxRetransmit", 0, 10).orElse(4L).intValue();
    Duration requestTimeout =
        Duration.ofMillis(fields.integer("requestTimeout", 100, 600_000).orElse(10_000L));
    int maxBodySize =
        fields
            .integer("maxBodySize", 16, 4 * 1024 * 1024)
            .orElse((long) CoapEndpointSettings.DEFAULT_MAX_BODY_SIZE)
            .intValue();
    int blockSize =
        fields
            .integer("blockSize", 16, 1024)
            .orElse((long) CoapEndpointSettings.DEFAULT_BLOCK_SIZE)
            .intValue();
    if (Integer.bitCount(blockSize) != 1) {
      fields.error("blockSize", "must be 16, 32, 64, 128, 256, 512 or 1024");
    }
    if (errors.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new CoapEndpointSettings(
            uri, dtls, ackTimeout, maxRetransmit, requestTimeout, maxBodySize, blockSize));
  }

  private static CoapUri uri(ConfigFields fields) {
    Optional<String> text = fields.text("uri");
    if (text.isPresent()) {
      if (fields.has("host") || fields.has("port")) {
        fields.error("uri", "set either uri or host (+ port), not both");
      }
      try {
        return CoapUri.parse(text.get());
      } catch (IllegalArgumentException e) {
        fields.error("uri", e.getMessage());
        return CoapUri.of("coap", "127.0.0.1", -1);
      }
    }
    Optional<String> host = fields.text("host");
    if (host.isEmpty() && !fields.has("host") && !fields.has("uri")) {
      fields.error("uri", "required: coap://host[:port] or coaps://host[:port] (or host + port)");
    }
    boolean secure = fields.has("pskIdentity") || fields.has("certFile") || fields.has("rpk");
    int port = fields.integer("port", 1, 65_535).orElse(-1L).intValue();
    return CoapUri.of(secure ? "coaps" : "coap", host.orElse("127.0.0.1"), port);
  }

  private static Optional<DtlsCredentials> dtls(ConfigFields fields, CoapUri uri) {
    List<String> dtlsKeys =
        List.of(
            "pskIdentity",
            "pskKeyFile",
            "pskKeyEncoding",
            "certFile",
            "keyFile",
            "caFile",
            "rpk",
            "publicKeyFile",
            "serverPublicKeyFile");
    if (!uri.secure()) {
      for (String key : dtlsKeys) {
        if (fields.has(key)) {
          fields.error(key, "needs a coaps:// uri (DTLS), not coap://");
        }
      }
      return Optional.empty();
    }
    boolean psk = fields.has("pskIdentity") || fields.has("pskKeyFile");
    boolean x509 = fields.has("certFile");
    boolean rpk = bool(fields, "rpk");
    int kinds = (psk ? 1 : 0) + (x509 ? 1 : 0) + (rpk ? 1 : 0);
    if (kinds == 0) {
      fields.error(
          "pskIdentity",
          "coaps needs credentials: pskIdentity + pskKeyFile, certFile + keyFile + caFile, or rpk"
              + " + keyFile + publicKeyFile + serverPublicKeyFile");
      return Optional.empty();
    }
    if (kinds > 1) {
      fields.error("pskIdentity", "choose one of PSK, X.509 (certFile) and raw public keys (rpk)");
      return Optional.empty();
    }
    if (psk) {
      return psk(fields);
    }
    return x509 ? x509(fields) : rpk(fields);
  }

  private static Optional<DtlsCredentials> psk(ConfigFields fields) {
    Optional<String> identity = fields.text("pskIdentity");
    if (identity.isEmpty() && !fields.has("pskIdentity")) {
      fields.error("pskIdentity", "required with pskKeyFile");
    }
    identity.ifPresent(
        id -> {
          if (id.length() > MAX_IDENTITY_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
            fields.error(
                "pskIdentity", "must be at most " + MAX_IDENTITY_LENGTH + " printable characters");
          }
        });
    Optional<Path> keyFile = required(fields, "pskKeyFile", "with pskIdentity");
    PskKeyEncoding encoding = PskKeyEncoding.RAW;
    Optional<String> encodingText = fields.text("pskKeyEncoding");
    try {
      encoding = encodingText.map(PskKeyEncoding::parse).orElse(PskKeyEncoding.RAW);
    } catch (IllegalArgumentException e) {
      fields.error("pskKeyEncoding", e.getMessage());
    }
    for (String key : List.of("keyFile", "caFile", "publicKeyFile", "serverPublicKeyFile")) {
      if (fields.has(key)) {
        fields.error(key, "does not go with PSK (pskIdentity + pskKeyFile)");
      }
    }
    if (identity.isEmpty() || keyFile.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DtlsCredentials.Psk(identity.get(), keyFile.get(), encoding));
  }

  private static Optional<DtlsCredentials> x509(ConfigFields fields) {
    Optional<Path> cert = fields.readableFile("certFile");
    Optional<Path> key = required(fields, "keyFile", "with certFile");
    Optional<Path> ca = required(fields, "caFile", "to check the server's certificate");
    if (cert.isEmpty() || key.isEmpty() || ca.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DtlsCredentials.X509(cert.get(), key.get(), ca.get()));
  }

  private static Optional<DtlsCredentials> rpk(ConfigFields fields) {
    Optional<Path> key = required(fields, "keyFile", "with rpk");
    Optional<Path> publicKey = required(fields, "publicKeyFile", "with rpk");
    Optional<Path> server =
        required(fields, "serverPublicKeyFile", "with rpk: the server key to trust");
    if (fields.has("caFile")) {
      fields.error("caFile", "does not go with rpk (the server key is pinned instead)");
    }
    if (key.isEmpty() || publicKey.isEmpty() || server.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DtlsCredentials.RawPublicKey(key.get(), publicKey.get(), server.get()));
  }

  private static Optional<Path> required(ConfigFields fields, String key, String why) {
    if (!fields.has(key)) {
      fields.error(key, "required " + why);
      return Optional.empty();
    }
    return fields.readableFile(key);
  }

  /** {@code true}/{@code false}, as a YAML boolean or a string. */
  static boolean bool(ConfigFields fields, String key) {
    Object value = fields.present(key);
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.parseBoolean(s);
    }
    fields.error(key, "expected true or false");
    return false;
  }
}
