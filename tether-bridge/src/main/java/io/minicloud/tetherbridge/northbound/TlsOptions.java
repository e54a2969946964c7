package io.minicloud.tetherbridge.northbound;

import java.nio.file.Path;

/**
 * TLS towards the broker. Trust: a PEM CA file, or the JVM's trust store when absent. Client
 * identity (optional): a PEM certificate chain and PEM private key, or a PKCS#12 key store.
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
}
