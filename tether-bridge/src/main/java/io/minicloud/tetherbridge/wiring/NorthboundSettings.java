package io.minicloud.tetherbridge.wiring;

import io.minicloud.mapper.api.tls.Secret;
import io.minicloud.tetherbridge.northbound.NorthboundOptions;
import io.minicloud.tetherbridge.northbound.ProtocolVersion;
import io.minicloud.tetherbridge.northbound.TlsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** Binds the {@code mqtt} section of the options into the northbound's own record. */
final class NorthboundSettings {
  private NorthboundSettings() {}

  static NorthboundOptions from(TetherBridgeOptions.Mqtt mqtt, String uri, String node) {
    NorthboundOptions.Builder b =
        NorthboundOptions.builder(uri, node)
            .clientId(mqtt.clientId().orElse("minicloud-tether-bridge-" + node))
            .protocol(ProtocolVersion.parse(mqtt.protocolVersion()))
            .keepAlive(mqtt.keepAlive())
            .inflightWindow(mqtt.inflight());
    Secret password = password(mqtt);
    if (mqtt.username().isPresent()) {
      b.credentials(mqtt.username().get(), password);
    }
    if (uri.startsWith("ssl://")) {
      TlsOptions tls = mqtt.caFile().map(TlsOptions::trusting).orElse(TlsOptions.JVM_DEFAULTS);
      if (mqtt.clientCertFile().isPresent() && mqtt.clientKeyFile().isPresent()) {
        tls = tls.withClientPem(mqtt.clientCertFile().get(), mqtt.clientKeyFile().get());
      }
      b.tls(tls);
    }
    return b.build();
  }

  /** {@code password-file} wins over {@code password}; the value is never logged. */
  private static Secret password(TetherBridgeOptions.Mqtt mqtt) {
    if (mqtt.passwordFile().isPresent()) {
      try {
        return Secret.of(Files.readString(mqtt.passwordFile().get()).strip());
      } catch (IOException e) {
        throw new UncheckedIOException(
            "minicloud.tether-bridge.mqtt.password-file: cannot read " + mqtt.passwordFile().get(),
            e);
      }
    }
    return mqtt.password().map(Secret::of).orElse(null);
  }
}
