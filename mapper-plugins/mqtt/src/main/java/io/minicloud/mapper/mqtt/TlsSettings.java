package io.minicloud.mapper.mqtt;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * TLS material for an {@code ssl://} broker. Without a CA file the JVM's default trust store
 * decides; a client identity is either a PEM certificate and key, or a PKCS#12 key store.
 */
public record TlsSettings(
    Optional<Path> caFile,
    Optional<Path> clientCertFile,
    Optional<Path> clientKeyFile,
    Optional<Path> keyStore,
    Optional<Secret> keyStorePassword) {

  public static final TlsSettings NONE =
      new TlsSettings(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public TlsSettings {
    Objects.requireNonNull(caFile, "caFile");
    Objects.requireNonNull(clientCertFile, "clientCertFile");
    Objects.requireNonNull(clientKeyFile, "clientKeyFile");
    Objects.requireNonNull(keyStore, "keyStore");
    Objects.requireNonNull(keyStorePassword, "keyStorePassword");
  }

  /** True when the client presents a certificate (mutual TLS). */
  public boolean clientIdentity() {
    return clientCertFile.isPresent() || keyStore.isPresent();
  }
}
