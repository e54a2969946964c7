package io.minicloud.rear.client;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The certificate the client presents to a provider that authenticates buyers by mutual TLS.
 *
 * @param certificateFile PEM chain, the client's own certificate first
 * @param keyFile unencrypted PEM PKCS#8 private key (RSA, EC or Ed25519)
 */
public record ClientCertificate(Path certificateFile, Path keyFile) {
  public ClientCertificate {
    Objects.requireNonNull(certificateFile, "certificateFile");
    Objects.requireNonNull(keyFile, "keyFile");
  }
}
