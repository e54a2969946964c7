package io.minicloud.mapper.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PKCS#1 keys are covered by MqttTlsIT, with a key openssl wrote in that format. */
class PemFilesTest {

  private static Path pem(Path dir, String type, byte[] der) throws IOException {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return Files.writeString(
        dir.resolve(type.replace(' ', '-') + ".pem"),
        "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"RSA", "EC", "Ed25519"})
  void readsUnencryptedPkcs8Keys(String algorithm, @TempDir Path dir) throws Exception {
    // GIVEN a key written as PKCS#8 PEM, as openssl 3 writes them
    KeyPair pair = KeyPairGenerator.getInstance(algorithm).generateKeyPair();
    Path file = pem(dir, "PRIVATE KEY", pair.getPrivate().getEncoded());

    // WHEN it is read
    PrivateKey key = PemFiles.privateKey(file);

    // THEN it is the same key
    assertArrayEquals(pair.getPrivate().getEncoded(), key.getEncoded());
  }

  @Test
  void encryptedAndSec1KeysAreRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
    // GIVEN an encrypted and an EC (SEC1) key block
    Path encrypted = pem(dir, "ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3});
    Path sec1 = pem(dir, "EC PRIVATE KEY", new byte[] {1, 2, 3});

    // WHEN / THEN each message says what to use instead
    assertTrue(
        assertThrows(IOException.class, () -> PemFiles.privateKey(encrypted))
            .getMessage()
            .contains("keyStore"));
    assertTrue(
        assertThrows(IOException.class, () -> PemFiles.privateKey(sec1))
            .getMessage()
            .contains("openssl pkcs8"));
  }

  @Test
  void filesWithoutPemAreNamedInTheError(@TempDir Path dir) throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.pem"), "not a key");
    Path garbled = pem(dir, "PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00});
    assertTrue(
        assertThrows(IOException.class, () -> PemFiles.privateKey(junk))
            .getMessage()
            .contains("junk.pem"));
    assertTrue(
        assertThrows(IOException.class, () -> PemFiles.privateKey(garbled))
            .getMessage()
            .contains("not an RSA"));
    assertEquals(
        junk + " is not a PEM certificate file: No certificate data found",
        assertThrows(IOException.class, () -> PemFiles.certificates(junk)).getMessage());
  }
}
