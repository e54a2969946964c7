package io.minicloud.rear.client;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which HTTPS servers the client believes. Our provider serves a self-signed certificate unless its
 * operator configured one, so the usual choice is a {@link Pin} of that certificate; a {@link
 * CaFile} suits a provider with a certificate from an internal CA.
 */
public sealed interface RearTrust {

  /** The JDK's trust store (cacerts) and hostname verification. */
  record JdkDefault() implements RearTrust {}

  /** The PEM certificates in {@code file} as the only trust anchors, with hostname verification. */
  record CaFile(Path file) implements RearTrust {
    public CaFile {
      Objects.requireNonNull(file, "file");
    }
  }

  /**
   * Exactly the server certificate with this SHA-256 fingerprint (of its DER encoding). No chain or
   * hostname check: the pin names the one certificate, which is what a self-signed one needs.
   */
  record Pin(CertificatePin pin) implements RearTrust {
    public Pin {
      Objects.requireNonNull(pin, "pin");
    }
  }
}
