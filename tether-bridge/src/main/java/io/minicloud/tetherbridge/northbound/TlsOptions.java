package io.minicloud.tetherbridge.northbound;

import io.minicloud.mapper.api.tls.ClientIdentity;
import io.minicloud.mapper.api.tls.Secret;
import io.minicloud.mapper.api.tls.TlsContexts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS towards the broker. Trust: a PEM CA file, or the JVM's trust store when absent. Client
 * identity (optional): a PEM certificate chain and PEM private key, or a PKCS#12 key store. The
 * files are read by mapper-api's {@link TlsContexts}, the same code the MQTT device plugin uses.
 *
 * @param caFile PEM file with the CA certificate(s) to trust, or null for the JVM's defaults
 * @param clientCertFile PEM certificate chain of the client, or null
 * @param clientKeyFile PEM private key (PKCS#8, or PKCS#1 RSA; unencrypted), or null
 * @param keyStoreFile PKCS#12 file with the client key and certificate, or null
 * @param keyStorePassword the PKCS#12 password, or null
 */
public record TlsOptions(
    Path caFile,
    Path clientCertFile,
    Path clientKeyFile,
    Path keyStoreFile,
    Secret keyStorePassword) {

  public static final TlsOptions JVM_DEFAULTS = new TlsOptions(null, null, null, null, null);

  public TlsOptions {
    if ((clientCertFile == null) != (clientKeyFile == null)) {
      throw new IllegalArgumentException(
          "TLS client certificate and key go together: give both files or neither");
    }
    if (clientCertFile != null && keyStoreFile != null) {
      throw new IllegalArgumentException(
          "TLS client identity: give either PEM certificate and key, or a PKCS#12 key store, not"
              + " both");
    }
    if (keyStoreFile == null && keyStorePassword != null) {
      throw new IllegalArgumentException("a key store password was given without a key store");
    }
  }

  /** Trust the CAs in a PEM file; no client certificate. */
  public static TlsOptions trusting(Path caFile) {
    return new TlsOptions(caFile, null, null, null, null);
  }

  public TlsOptions withClientPem(Path certFile, Path keyFile) {
    return new TlsOptions(caFile, certFile, keyFile, null, null);
  }

  public TlsOptions withClientPkcs12(Path file, Secret password) {
    return new TlsOptions(caFile, null, null, file, password);
  }

  public boolean hasClientIdentity() {
    return clientCertFile != null || keyStoreFile != null;
  }

  /**
   * The socket factory for the broker connection: TLS 1.2+, the broker's host name verified.
   *
   * @throws IllegalArgumentException naming the file and what is wrong with it, never a password
   */
  SSLSocketFactory socketFactory() {
    try {
      return TlsContexts.socketFactory(Optional.ofNullable(caFile), clientIdentity());
    } catch (IOException e) {
      throw new IllegalArgumentException("TLS setup for the northbound broker failed: " + e, e);
    }
  }

  private Optional<ClientIdentity> clientIdentity() {
    if (keyStoreFile != null) {
      return Optional.of(
          new ClientIdentity.Pkcs12KeyStore(keyStoreFile, Optional.ofNullable(keyStorePassword)));
    }
    if (clientCertFile != null) {
      return Optional.of(new ClientIdentity.PemCertificateAndKey(clientCertFile, clientKeyFile));
    }
    return Optional.empty();
  }
}
