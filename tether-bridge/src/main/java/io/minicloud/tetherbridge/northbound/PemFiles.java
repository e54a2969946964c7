package io.minicloud.tetherbridge.northbound;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads PEM certificates and unencrypted private keys with nothing but the JDK. */
final class PemFiles {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");

  // DER of AlgorithmIdentifier { rsaEncryption, NULL }, to wrap a PKCS#1 key into PKCS#8
  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private PemFiles() {}

  static List<X509Certificate> certificates(Path file)
      throws IOException, GeneralSecurityException {
    List<X509Certificate> out = new ArrayList<>();
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    for (Block b : blocks(file)) {
      if (b.type().equals("CERTIFICATE")) {
        out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der())));
      }
    }
    if (out.isEmpty()) {
      throw new GeneralSecurityException("no PEM CERTIFICATE block in " + file);
    }
    return out;
  }

  static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    for (Block b : blocks(file)) {
      switch (b.type()) {
        case "PRIVATE KEY":
          return pkcs8(b.der(), file);
        case "RSA PRIVATE KEY":
          return KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(wrapPkcs1(b.der())));
        case "ENCRYPTED PRIVATE KEY":
          throw new GeneralSecurityException(
              file
                  + " holds an encrypted key; use an unencrypted PKCS#8 key (readable only by"
                  + " the service user) or a PKCS#12 key store with a password");
        case "EC PRIVATE KEY":
          throw new GeneralSecurityException(
              file
                  + " holds a SEC1 EC key; convert it to PKCS#8 with: openssl pkcs8 -topk8"
                  + " -nocrypt -in KEY -out KEY.pk8");
        default:
          break;
      }
    }
    throw new GeneralSecurityException("no PEM private key block in " + file);
  }

  private static PrivateKey pkcs8(byte[] der, Path file) throws GeneralSecurityException {
    for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (InvalidKeySpecException notThisOne) {
        // the PEM label does not say the algorithm; the next one is tried
      }
    }
    throw new GeneralSecurityException(
        "the private key in " + file + " is not an RSA, EC or Ed25519 PKCS#8 key");
  }

  /** PrivateKeyInfo ::= SEQUENCE { version 0, algorithm, OCTET STRING pkcs1 }. */
  private static byte[] wrapPkcs1(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM);
    body.write(0x04);
    writeLength(body, pkcs1.length);
    body.writeBytes(pkcs1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    writeLength(out, body.size());
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static void writeLength(ByteArrayOutputStream out, int length) {
    if (length < 0x80) {
      out.write(length);
    } else if (length <= 0xff) {
      out.write(0x81);
      out.write(length);
    } else if (length <= 0xffff) {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length & 0xff);
    } else {
      out.write(0x83);
      out.write(length >> 16);
      out.write((length >> 8) & 0xff);
      out.write(length & 0xff);
    }
  }

  private record Block(String type, byte[] der) {}

  private static List<Block> blocks(Path file) throws IOException, GeneralSecurityException {
    String text = Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII);
    List<Block> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      try {
        out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
      } catch (IllegalArgumentException e) {
        throw new GeneralSecurityException("bad base64 in PEM block " + m.group(1) + " of " + file);
      }
    }
    if (out.isEmpty()) {
      throw new GeneralSecurityException(file + " is not a PEM file (no -----BEGIN block)");
    }
    return out;
  }
}
