package io.minicloud.mapper.coap.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@code coaps} link authenticates (DTLS 1.2). Only file names are held here: keys are read
 * when the link opens, so a renewed key is used from the next connect on and no key sits in a bound
 * config.
 */
public sealed interface DtlsCredentials {

  /** The part of the link id that tells credentials apart (never a key). */
  String linkIdSuffix();

  /** A pre-shared key: an identity, and a file that holds the key. */
  record Psk(String identity, Path keyFile, PskKeyEncoding encoding) implements DtlsCredentials {
    public Psk {
      Objects.requireNonNull(identity, "identity");
      Objects.requireNonNull(keyFile, "keyFile");
      Objects.requireNonNull(encoding, "encoding");
    }

    @Override
    public String linkIdSuffix() {
      return identity;
    }
  }

  /**
   * A certificate (X.509, PEM) and its key; the server's certificate is checked against {@code
   * caFile}.
   */
  record X509(Path certFile, Path keyFile, Path caFile) implements DtlsCredentials {
    public X509 {
      Objects.requireNonNull(certFile, "certFile");
      Objects.requireNonNull(keyFile, "keyFile");
      Objects.requireNonNull(caFile, "caFile");
    }

    @Override
    public String linkIdSuffix() {
      return "x509:" + certFile;
    }
  }

  /**
   * A raw public key (RFC 7250): the client's private key from {@code keyFile} (PEM PKCS#8 EC) and
   * its public key from {@code publicKeyFile} (PEM {@code PUBLIC KEY}); the server's public key
   * must equal the one in {@code serverKeyFile} (PEM {@code PUBLIC KEY}). There is no "trust any
   * key" mode: without a pinned server key RPK authenticates nobody.
   */
  record RawPublicKey(Path keyFile, Path publicKeyFile, Path serverKeyFile)
      implements DtlsCredentials {
    public RawPublicKey {
      Objects.requireNonNull(keyFile, "keyFile");
      Objects.requireNonNull(publicKeyFile, "publicKeyFile");
      Objects.requireNonNull(serverKeyFile, "serverKeyFile");
    }

    @Override
    public String linkIdSuffix() {
      return "rpk:" + keyFile;
    }
  }
}
