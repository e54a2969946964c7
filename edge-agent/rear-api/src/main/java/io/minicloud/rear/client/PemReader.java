package io.minicloud.rear.client;

import java.io.ByteArrayInputStream;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificates and unencrypted PKCS#8 keys ({@code BEGIN PRIVATE KEY}: RSA, EC, Ed25519).
 * mapper-api has a fuller reader, but depending on it would pull its serial-port library into every
 * REAR client; this is the small part a REAR client needs. Errors name the file.
 */
final class PemReader {

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
  private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519");

  private PemReader() {}

  static List<X509Certificate> certificates(Path file) throws IOException {
    List<X509Certificate> out = new ArrayList<>();
    for (Block block : blocks(file)) {
      if (block.type().equals("CERTIFICATE")) {
        try {
          out.add(
              (X509Certificate)
                  CertificateFactory.getInstance("X.509")
                      .generateCertificate(new ByteArrayInputStream(block.der())));
        } catch (GeneralSecurityException e) {
          throw new IOException(file + " holds a CERTIFICATE that cannot be read: " + e, e);
        }
      }
    }
    if (out.isEmpty()) {
      throw new IOException(file + " holds no PEM certificate");
    }
    return out;
  }

  static PrivateKey privateKey(Path file) throws IOException {
    for (Block block : blocks(file)) {
      if (block.type().equals("PRIVATE KEY")) {
        return pkcs8(file, block.der());
      }
      if (block.type().endsWith("PRIVATE KEY")) {
        throw new IOException(
            file
                + " holds a '"
                + block.type()
                + "' block; the client key must be unencrypted PKCS#8: convert it with `openssl"
                + " pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8`");
      }
    }
    throw new IOException(file + " holds no PEM private key");
  }

  private static PrivateKey pkcs8(Path file, byte[] der) throws IOException {
    IOException unsupported = new IOException(file + " is not an RSA, EC or Ed25519 private key");
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException notThisAlgorithm) {
        // the PEM label does not say the algorithm; each refusal travels with the final error
        unsupported.addSuppressed(notThisAlgorithm);
      }
    }
    throw unsupported;
  }

  private record Block(String type, byte[] der) {}

  private static List<Block> blocks(Path file) throws IOException {
    // ISO-8859-1 never fails to decode: a DER file given by mistake gets "not a PEM file"
    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    List<Block> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      try {
        out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2).strip())));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ": the PEM block '" + m.group(1) + "' is not base64", e);
      }
    }
    if (out.isEmpty()) {
      throw new IOException(file + " is not a PEM file (no -----BEGIN block)");
    }
    return out;
  }
}
