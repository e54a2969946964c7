package io.minicloud.mapper.mqtt;

import io.minicloud.mapper.api.tls.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that opening a broker connection depends on. Two devices share one connection only
 * when all of it is equal (see {@link #linkId()} and {@link #differencesFrom}).
 *
 * @param keepAlive MQTT keep-alive: how soon a silent broker is noticed as gone
 * @param connectTimeout how long to wait for the CONNACK
 */
public record MqttConnectionSettings(
    BrokerUri broker,
    String clientId,
    Optional<String> username,
    Optional<Secret> password,
    TlsSettings tls,
    ProtocolVersion protocolVersion,
    Duration keepAlive,
    Duration connectTimeout) {

  public MqttConnectionSettings {
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(protocolVersion, "protocolVersion");
    Objects.requireNonNull(keepAlive, "keepAlive");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
  }

  /**
   * {@code mqtt:<broker>#<clientId>}. A broker keeps one session per client id and disconnects the
   * older of two connections that use the same one, so broker + client id is exactly what
   * identifies a connection: devices with the same pair must share it, devices with different
   * client ids cannot. The user name is not part of it (one user may hold many sessions).
   */
  public String linkId() {
    return "mqtt:" + broker + "#" + clientId;
  }

  /**
   * The names of the settings that differ (never their values: one of them may be a password).
   * Devices on one link that disagree here are misconfigured: the first device's settings would
   * silently win.
   */
  public List<String> differencesFrom(MqttConnectionSettings other) {
    List<String> names = new ArrayList<>();
    compare(names, "broker", broker, other.broker);
    compare(names, "clientId", clientId, other.clientId);
    compare(names, "username", username, other.username);
    compare(names, "password", password, other.password);
    compare(names, "caFile", tls.caFile(), other.tls.caFile());
    compare(names, "clientCertFile", tls.clientCertFile(), other.tls.clientCertFile());
    compare(names, "clientKeyFile", tls.clientKeyFile(), other.tls.clientKeyFile());
    compare(names, "keyStore", tls.keyStore(), other.tls.keyStore());
    compare(names, "keyStorePassword", tls.keyStorePassword(), other.tls.keyStorePassword());
    compare(names, "protocolVersion", protocolVersion, other.protocolVersion);
    compare(names, "keepAlive", keepAlive, other.keepAlive);
    compare(names, "connectTimeout", connectTimeout, other.connectTimeout);
    return names;
  }

  private static void compare(List<String> names, String name, Object mine, Object theirs) {
    if (!mine.equals(theirs)) {
      names.add(name);
    }
  }

  @Override
  public String toString() {
    return "MqttConnectionSettings[broker="
        + broker
        + ", clientId="
        + clientId
        + ", username="
        + username.orElse("(none)")
        + ", password="
        + (password.isPresent() ? "(set)" : "(none)")
        + ", tls="
        + (broker.tls() ? tls.caFile().map(Object::toString).orElse("default trust") : "off")
        + (tls.clientIdentity() ? " + client certificate" : "")
        + ", protocolVersion="
        + protocolVersion.text()
        + "]";
  }
}
