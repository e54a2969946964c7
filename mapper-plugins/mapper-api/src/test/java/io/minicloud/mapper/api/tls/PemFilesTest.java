package io.minicloud.mapper.api.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.peers.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PemFilesTest {
  @TempDir Path dir;

  private Path pem(String type, byte[] der) throws IOException {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return Files.writeString(
        dir.resolve(type.replace(' ', '-') + ".pem"),
        "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
  }

  /** One file with the text of {@code parts}, in order, as people concatenate PEM files. */
  private Path concatenated(String name, Path... parts) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Path part : parts) {
      text.append(Files.readString(part)).append('\n');
    }
    return Files.writeString(dir.resolve(name), text);
  }

  private static String message(Path file) {
    return assertThrows(IOException.class, () -> PemFiles.privateKey(file)).getMessage();
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA", "EC", "Ed25519", "RSASSA-PSS"})
  void readsUnencryptedPkcs8Keys(String algorithm) throws Exception {
    // GIVEN a key written as PKCS#8 PEM, as openssl 3 writes them
    KeyPair pair = KeyPairGenerator.getInstance(algorithm).generateKeyPair();
    Path file = pem("PRIVATE KEY", pair.getPrivate().getEncoded());

    // WHEN it is read
    PrivateKey key = PemFiles.privateKey(file);

    // THEN it is the same key
    assertArrayEquals(pair.getPrivate().getEncoded(), key.getEncoded());
  }

  @Test
  void readsAPkcs1KeyAsOpensslWritesIt() throws Exception {
    // GIVEN openssl's PKCS#8 client key, and the same key rewritten as PKCS#1
    TestCertificates pki = OpensslPki.certificates();
    Path pkcs1 = OpensslPki.pkcs1Copy(pki.clientKey(), dir);
    assertTrue(Files.readString(pkcs1).contains("BEGIN RSA PRIVATE KEY"));

    // WHEN / THEN both read as one key
    assertArrayEquals(
        PemFiles.privateKey(pki.clientKey()).getEncoded(), PemFiles.privateKey(pkcs1).getEncoded());
  }

  @Test
  void encryptedAndSec1KeysAreRefusedWithWhatToDo() throws Exception {
    // GIVEN an encrypted and an EC (SEC1) key block
    Path encrypted = pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3});
    Path sec1 = pem("EC PRIVATE KEY", new byte[] {1, 2, 3});

    // WHEN / THEN each message names the file and says what to use instead
    assertEquals(
        encrypted
            + " holds an encrypted key; use an unencrypted PKCS#8 key (readable only by the"
            + " service user) or a PKCS#12 key store with a password",
        message(encrypted));
    assertTrue(message(sec1).startsWith(sec1 + " holds a 'EC PRIVATE KEY' block"));
    assertTrue(message(sec1).contains("openssl pkcs8 -topk8 -nocrypt"), message(sec1));
  }

  @Test
  void aTraditionalEncryptedKeyIsRefusedAsEncrypted() throws Exception {
    // GIVEN a PKCS#1 key encrypted the traditional openssl way, with RFC 1421 headers
    Path key =
        Files.writeString(
            dir.resolve("legacy.key"),
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\nMAA=\n"
                + "-----END RSA PRIVATE KEY-----\n");

    // WHEN / THEN it is refused as encrypted, not as "no key" or "not PEM"
    assertTrue(message(key).startsWith(key + " holds an encrypted key"), message(key));
  }

  @Test
  void filesWithoutPemAreNamedInTheError() throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.pem"), "not a key");
    Path der = Files.write(dir.resolve("ca.der"), new byte[] {0x30, (byte) 0x82, (byte) 0xff});
    Path garbled = pem("PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00});
    assertTrue(message(junk).contains("junk.pem"));
    assertTrue(message(garbled).contains("not an RSA"));
    assertEquals(
        junk + " is not a PEM file (no -----BEGIN block)",
        assertThrows(IOException.class, () -> PemFiles.certificates(junk)).getMessage());
    assertEquals(
        der + " is not a PEM file (no -----BEGIN block)",
        assertThrows(IOException.class, () -> PemFiles.certificates(der)).getMessage());
  }

  @Test
  void readsEveryCertificateOfABundleInOrder() throws Exception {
    // GIVEN a bundle of the CA and the server certificate
    TestCertificates pki = OpensslPki.certificates();
    Path bundle = concatenated("bundle.pem", pki.caCert(), pki.serverCert());

    // WHEN it is read
    List<X509Certificate> certificates = PemFiles.certificates(bundle);

    // THEN both are there, in the file's order
    assertEquals(
        List.of("CN=minicloud-test-ca", "CN=localhost"),
        certificates.stream().map(c -> c.getSubjectX500Principal().getName()).toList());
  }

  @Test
  void aKeyFileMayAlsoHoldItsCertificate() throws Exception {
    // GIVEN one file with the client certificate first, then its key
    TestCertificates pki = OpensslPki.certificates();
    Path both = concatenated("client.pem", pki.clientCert(), pki.clientKey());

    // WHEN / THEN the certificate is skipped to find the key, and the key is skipped for certs
    assertArrayEquals(
        PemFiles.privateKey(pki.clientKey()).getEncoded(), PemFiles.privateKey(both).getEncoded());
    assertEquals(1, PemFiles.certificates(both).size());
    assertTrue(message(pki.clientCert()).endsWith(" holds no PEM private key"));
  }
}
