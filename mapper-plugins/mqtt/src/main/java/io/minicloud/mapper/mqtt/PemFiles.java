package io.minicloud.mapper.mqtt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files Mosquitto and openssl use: certificates, and unencrypted private keys as
 * PKCS#8 ({@code BEGIN PRIVATE KEY}: RSA, EC, Ed25519) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}).
 * Encrypted and SEC1 ({@code BEGIN EC PRIVATE KEY}) keys are refused with the openssl command that
 * converts them; a PKCS#12 {@code keyStore} takes a password instead.
 */
final class PemFiles {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");

  /** rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters, as DER. */
  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0D,
    0x06,
    0x09,
    0x2A,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xF7,
    0x0D,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private PemFiles() {}

  /**
   * @throws IOException naming the file when it holds no certificate or cannot be parsed
   */
  static List<X509Certificate> certificates(Path file) throws IOException {
    try {
      List<X509Certificate> certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)))
              .stream()
              .map(X509Certificate.class::cast)
              .toList();
      if (certificates.isEmpty()) {
        throw new IOException(file + " holds no PEM certificate");
      }
      return certificates;
    } catch (GeneralSecurityException e) {
      throw new IOException(file + " is not a PEM certificate file: " + e.getMessage(), e);
    }
  }

  /**
   * @throws IOException naming the file and, for unsupported formats, how to convert it
   */
  static PrivateKey privateKey(Path file) throws IOException {
    Matcher block = BLOCK.matcher(Files.readString(file, StandardCharsets.US_ASCII));
    if (!block.find()) {
      throw new IOException(file + " holds no PEM private key");
    }
    String type = block.group(1);
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(block.group(2));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": the PEM block is not valid base64", e);
    }
    return switch (type) {
      case "PRIVATE KEY" -> pkcs8(file, der);
      case "RSA PRIVATE KEY" -> pkcs8(file, wrapPkcs1(der));
      case "ENCRYPTED PRIVATE KEY" ->
          throw new IOException(
              file + " is encrypted: use a PKCS#12 keyStore with keyStorePassword instead");
      default ->
          throw new IOException(
              file
                  + " holds a '"
                  + type
                  + "' block: convert it with `openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8`");
    };
  }

  private static PrivateKey pkcs8(Path file, byte[] der) throws IOException {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException notThisAlgorithm) {
        // PKCS#8 names its algorithm inside; trying the three we support is simpler than parsing it
      }
    }
    throw new IOException(file + " is not an RSA, EC or Ed25519 private key");
  }

  /** A PKCS#1 RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: version 0, rsaEncryption, the key. */
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
