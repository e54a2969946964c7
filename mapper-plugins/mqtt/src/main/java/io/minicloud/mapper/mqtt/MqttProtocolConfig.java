package io.minicloud.mapper.mqtt;

import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.config.ConfigFields;
import io.minicloud.mapper.api.tls.Secret;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A device's {@code protocol.configData}: how to reach its broker, where it publishes, how commands
 * go back. See the module README for every key.
 *
 * @param topic the state topic the device publishes to (wildcards allowed); properties may name
 *     their own
 * @param commandTopic where writes go unless a property names its own; empty means derived from
 *     {@code topic}
 * @param qos for subscriptions and commands: 0 or 1
 * @param maxAge readings older than this are {@code no_data}; empty means no limit
 */
public record MqttProtocolConfig(
    MqttConnectionSettings connection,
    Optional<TopicFilter> topic,
    Optional<String> commandTopic,
    int qos,
    Optional<Duration> maxAge) {

  static final Set<String> KEYS =
      new LinkedHashSet<>(
          List.of(
              "broker",
              "clientId",
              "username",
              "password",
              "caFile",
              "clientCertFile",
              "clientKeyFile",
              "keyStore",
              "keyStorePassword",
              "topic",
              "commandTopic",
              "qos",
              "maxAge",
              "protocolVersion",
              "keepAlive",
              "connectTimeout"));

  private static final int MAX_CLIENT_ID_LENGTH = 128;

  /** The field path of a protocol config key, as errors report it. */
  static String field(String key) {
    return "protocol.configData." + key;
  }

  /**
   * Binds the map, adding every problem to {@code errors}.
   *
   * @return the config, or empty when there were errors
   */
  static Optional<MqttProtocolConfig> bind(
      String device, Map<String, Object> config, List<FieldError> errors) {
    int before = errors.size();
    ConfigFields fields = new ConfigFields(config, MqttProtocolConfig::field, errors);
    fields.rejectUnknown(KEYS);
    BrokerUri broker =
        fields.text("broker").map(text -> broker(fields, text)).orElse(BrokerUri.DEFAULT);
    String clientId = fields.text("clientId").orElse("minicloud-" + device);
    if (clientId.length() > MAX_CLIENT_ID_LENGTH
        || clientId.chars().anyMatch(Character::isISOControl)) {
      fields.error("clientId", "must be at most " + MAX_CLIENT_ID_LENGTH + " printable characters");
    }
    Optional<String> username = fields.text("username");
    Optional<Secret> password = fields.text("password").map(Secret::of);
    if (password.isPresent() && username.isEmpty()) {
      fields.error("password", "needs a username (MQTT 3.1.1 has no password without one)");
    }
    TlsSettings tls = tls(fields, broker);
    ProtocolVersion version = ProtocolVersion.AUTO;
    if (fields.present("protocolVersion") != null) {
      try {
        version = ProtocolVersion.parse(config.get("protocolVersion"));
      } catch (IllegalArgumentException e) {
        fields.error("protocolVersion", e.getMessage());
      }
    }
    Duration keepAlive = Duration.ofSeconds(fields.integer("keepAlive", 0, 65_535).orElse(30L));
    Duration connectTimeout =
        Duration.ofMillis(fields.integer("connectTimeout", 100, 300_000).orElse(10_000L));
    Optional<TopicFilter> topic =
        fields.text("topic").flatMap(t -> topicFilter(fields, "topic", t));
    Optional<String> commandTopic =
        fields.text("commandTopic").flatMap(t -> topicName(fields, "commandTopic", t));
    int qos = fields.integer("qos", 0, 1).orElse(1L).intValue();
    Optional<Duration> maxAge = fields.integer("maxAge", 1, Long.MAX_VALUE).map(Duration::ofMillis);
    if (errors.size() > before) {
      return Optional.empty();
    }
    MqttConnectionSettings connection =
        new MqttConnectionSettings(
            broker, clientId, username, password, tls, version, keepAlive, connectTimeout);
    return Optional.of(new MqttProtocolConfig(connection, topic, commandTopic, qos, maxAge));
  }

  private static BrokerUri broker(ConfigFields fields, String text) {
    try {
      return BrokerUri.parse(text);
    } catch (IllegalArgumentException e) {
      fields.error("broker", e.getMessage());
      return BrokerUri.DEFAULT;
    }
  }

  private static TlsSettings tls(ConfigFields fields, BrokerUri broker) {
    TlsSettings tls =
        new TlsSettings(
            fields.readableFile("caFile"),
            fields.readableFile("clientCertFile"),
            fields.readableFile("clientKeyFile"),
            fields.readableFile("keyStore"),
            fields.text("keyStorePassword").map(Secret::of));
    if (!broker.tls()) {
      for (String key :
          List.of("caFile", "clientCertFile", "clientKeyFile", "keyStore", "keyStorePassword")) {
        if (fields.has(key)) {
          fields.error(key, "needs an ssl:// broker, not " + broker.scheme() + "://");
        }
      }
    }
    if (fields.has("clientCertFile") != fields.has("clientKeyFile")) {
      fields.error(
          fields.has("clientCertFile") ? "clientKeyFile" : "clientCertFile",
          "clientCertFile and clientKeyFile go together");
    }
    if (fields.has("keyStore") && fields.has("clientCertFile")) {
      fields.error("keyStore", "set either keyStore or clientCertFile + clientKeyFile, not both");
    }
    if (fields.has("keyStorePassword") && !fields.has("keyStore")) {
      fields.error("keyStorePassword", "needs a keyStore");
    }
    return tls;
  }

  static Optional<TopicFilter> topicFilter(ConfigFields fields, String key, String text) {
    try {
      return Optional.of(TopicFilter.parse(text));
    } catch (IllegalArgumentException e) {
      fields.error(key, e.getMessage());
      return Optional.empty();
    }
  }

  static Optional<String> topicName(ConfigFields fields, String key, String text) {
    try {
      return Optional.of(TopicFilter.requireTopicName(text));
    } catch (IllegalArgumentException e) {
      fields.error(key, e.getMessage());
      return Optional.empty();
    }
  }
}
