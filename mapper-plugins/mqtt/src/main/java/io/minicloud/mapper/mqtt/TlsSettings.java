package io.minicloud.mapper.mqtt;

import io.minicloud.mapper.api.tls.ClientIdentity;
import io.minicloud.mapper.api.tls.Secret;
import io.minicloud.mapper.api.tls.TlsContexts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS material for an {@code ssl://} broker, as the device's {@code configData} names it. Without a
 * CA file the JVM's default trust store decides; a client identity is either a PEM certificate and
 * key, or a PKCS#12 key store. The files are read by mapper-api's {@link TlsContexts}.
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

  /**
   * The socket factory for one connect: TLS 1.2+, the broker's host name verified. The files are
   * read on every call, so a renewed certificate is used from the next reconnect on.
   *
   * @throws IOException naming the file that cannot be used (never a password)
   */
  SSLSocketFactory socketFactory() throws IOException {
    return TlsContexts.socketFactory(caFile, identityFiles());
  }

  private Optional<ClientIdentity> identityFiles() {
    if (keyStore.isPresent()) {
      return Optional.of(new ClientIdentity.Pkcs12KeyStore(keyStore.get(), keyStorePassword));
    }
    if (clientCertFile.isPresent() && clientKeyFile.isPresent()) {
      return Optional.of(
          new ClientIdentity.PemCertificateAndKey(clientCertFile.get(), clientKeyFile.get()));
    }
    return Optional.empty();
  }
}
