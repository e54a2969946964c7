package io.minicloud.mapper.api.tls;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** The certificate a TLS client presents (mutual TLS), and where its private key is. */
public sealed interface ClientIdentity {

  /**
   * @param certificateFile PEM certificate chain, the client's own certificate first
   * @param keyFile unencrypted PEM private key: PKCS#8 (RSA, EC, Ed25519) or PKCS#1 (RSA)
   */
  record PemCertificateAndKey(Path certificateFile, Path keyFile) implements ClientIdentity {
    public PemCertificateAndKey {
      Objects.requireNonNull(certificateFile, "certificateFile");
      Objects.requireNonNull(keyFile, "keyFile");
    }
  }

  /**
   * @param file PKCS#12 key store with the key and its certificate chain (the way to use an
   *     encrypted key)
   * @param password the key store's password; empty for none
   */
  record Pkcs12KeyStore(Path file, Optional<Secret> password) implements ClientIdentity {
    public Pkcs12KeyStore {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(password, "password");
    }
  }
}
