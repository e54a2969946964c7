package io.minicloud.mapper.api.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the PEM files Mosquitto and openssl use: certificates, and unencrypted private keys as
 * PKCS#8 ({@code BEGIN PRIVATE KEY}: RSA, EC, Ed25519) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}).
 * Encrypted keys are refused with what to use instead, other key formats (SEC1 {@code BEGIN EC
 * PRIVATE KEY}, DSA) with the openssl command that converts them. Every error names the file.
 */
public final class PemFiles {
  /** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
  private static final byte[] RSA_ALGORITHM =
      HexFormat.of().parseHex("300d06092a864886f70d0101010500");

  /** The PKCS#8 algorithms tried in turn: the PEM label does not say which one a key is. */
  private static final List<String> PKCS8_ALGORITHMS =
      List.of("RSA", "EC", "Ed25519", "RSASSA-PSS");

  private PemFiles() {}

  /**
   * The {@code CERTIFICATE} blocks of {@code file}, in order (a CA bundle, or a chain leaf first).
   *
   * @throws IOException naming the file when it holds no certificate or one cannot be parsed
   */
  public static List<X509Certificate> certificates(Path file) throws IOException {
    List<X509Certificate> certificates = new ArrayList<>();
    for (PemBlock block : PemBlock.read(file)) {
      if (block.type().equals("CERTIFICATE")) {
        try {
          certificates.add(
              (X509Certificate)
                  CertificateFactory.getInstance("X.509")
                      .generateCertificate(new ByteArrayInputStream(block.der())));
        } catch (GeneralSecurityException e) {
          throw new IOException(file + " holds a CERTIFICATE that cannot be read: " + e, e);
        }
      }
    }
    if (certificates.isEmpty()) {
      throw new IOException(file + " holds no PEM certificate");
    }
    return certificates;
  }

  /**
   * The first private key in {@code file}; other blocks (a certificate, EC parameters) may share
   * it.
   *
   * @throws IOException naming the file and, for unsupported formats, how to convert it
   */
  public static PrivateKey privateKey(Path file) throws IOException {
    for (PemBlock block : PemBlock.read(file)) {
      String type = block.type();
      if (!type.endsWith("PRIVATE KEY")) {
        continue;
      }
      if (block.encrypted() || type.equals("ENCRYPTED PRIVATE KEY")) {
        throw new IOException(
            file
                + " holds an encrypted key; use an unencrypted PKCS#8 key (readable only by"
                + " the service user) or a PKCS#12 key store with a password");
      }
      return switch (type) {
        case "PRIVATE KEY" -> pkcs8(file, block.der());
        case "RSA PRIVATE KEY" -> pkcs1(file, block.der());
        default ->
            throw new IOException(
                file
                    + " holds a '"
                    + type
                    + "' block: convert it with `openssl pkcs8 -topk8 -nocrypt -in KEY -out"
                    + " KEY.pk8`");
      };
    }
    throw new IOException(file + " holds no PEM private key");
  }

  private static PrivateKey pkcs8(Path file, byte[] der) throws IOException {
    IOException unsupported = new IOException(file + " is not an RSA, EC or Ed25519 private key");
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : PKCS8_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException notThisAlgorithm) {
        // kept: when no algorithm fits, each one's reason travels with the error
        unsupported.addSuppressed(notThisAlgorithm);
      }
    }
    throw unsupported;
  }

  private static PrivateKey pkcs1(Path file, byte[] der) throws IOException {
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(wrapPkcs1(der)));
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " is not an RSA private key: " + e.getMessage(), e);
    }
  }

  /** PrivateKeyInfo ::= SEQUENCE { version 0, rsaEncryption, OCTET STRING { RSAPrivateKey } }. */
  private static byte[] wrapPkcs1(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM);
    body.writeBytes(derHeader(0x04, pkcs1.length));
    body.writeBytes(pkcs1);
    ByteArrayOutputStream info = new ByteArrayOutputStream();
    info.writeBytes(derHeader(0x30, body.size()));
    info.writeBytes(body.toByteArray());
    return info.toByteArray();
  }

  /** A DER tag and length: short form below 128, else 0x80 + the count of big-endian bytes. */
  private static byte[] derHeader(int tag, int length) {
    if (length < 0x80) {
      return new byte[] {(byte) tag, (byte) length};
    }
    int bytes = length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
    byte[] header = new byte[2 + bytes];
    header[0] = (byte) tag;
    header[1] = (byte) (0x80 | bytes);
    for (int i = 0; i < bytes; i++) {
      header[2 + i] = (byte) (length >>> (8 * (bytes - 1 - i)));
    }
    return header;
  }
}
