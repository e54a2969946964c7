package io.minicloud.rear.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A SHA-256 fingerprint of a DER certificate, written {@code sha256:<64 hex>}; colons between the
 * bytes (as {@code openssl x509 -fingerprint -sha256} and keytool print them) are accepted.
 */
public record CertificatePin(byte[] sha256) {

  public CertificatePin {
    if (sha256.length != 32) {
      throw new IllegalArgumentException("a SHA-256 pin is 32 bytes, not " + sha256.length);
    }
    sha256 = sha256.clone();
  }

  /**
   * @throws IllegalArgumentException saying the expected form
   */
  public static CertificatePin parse(String text) {
    String hex = text.strip();
    if (hex.regionMatches(true, 0, "sha256:", 0, 7)) {
      hex = hex.substring(7);
    } else if (hex.regionMatches(true, 0, "sha256/", 0, 7)) {
      throw new IllegalArgumentException(
          "base64 pins (sha256/...) are not supported: give sha256:<64 hex digits>");
    }
    hex = hex.replace(":", "").toLowerCase(Locale.ROOT);
    if (!hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "a certificate pin is sha256:<64 hex digits> (the SHA-256 of the DER certificate, e.g."
              + " from `openssl x509 -in cert.pem -noout -fingerprint -sha256`)");
    }
    return new CertificatePin(HexFormat.of().parseHex(hex));
  }

  public static CertificatePin of(X509Certificate certificate) {
    try {
      return new CertificatePin(
          MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint a certificate: " + e.getMessage(), e);
    }
  }

  public boolean matches(X509Certificate certificate) {
    return MessageDigest.isEqual(sha256, of(certificate).sha256);
  }

  @Override
  public byte[] sha256() {
    return sha256.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CertificatePin that && MessageDigest.isEqual(sha256, that.sha256);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(sha256);
  }

  @Override
  public String toString() {
    return "sha256:" + HexFormat.of().formatHex(sha256);
  }
}
