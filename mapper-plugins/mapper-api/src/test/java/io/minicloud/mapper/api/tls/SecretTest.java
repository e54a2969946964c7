package io.minicloud.mapper.api.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretTest {
  private static final String PASSWORD = "hunter2-very-secret";

  @Test
  void neverPrintsItself() {
    // settings records that hold one print it through toString, and so do log lines
    assertEquals("****", Secret.of(PASSWORD).toString());
    assertEquals("[****]", List.of(Secret.of(PASSWORD)).toString());
  }

  @Test
  void aSecretScrubsItselfOutOfForeignText() {
    Secret s = Secret.of(PASSWORD);
    assertEquals(
        "bad password **** for bridge", s.scrub("bad password " + PASSWORD + " for bridge"));
    assertEquals(PASSWORD, new String(s.chars()));
  }

  @Test
  void handsOutCopiesAsCharactersAndUtf8() {
    // GIVEN a secret with a non-ASCII character
    Secret s = Secret.of("pässwort".toCharArray());

    // WHEN the caller wipes the characters it was given
    char[] chars = s.chars();
    Arrays.fill(chars, '\0');

    // THEN the secret is intact, and its UTF-8 bytes are those of the text
    assertEquals("pässwort", new String(s.chars()));
    assertArrayEquals("pässwort".getBytes(StandardCharsets.UTF_8), s.utf8());
    assertFalse(s.isEmpty());
    assertTrue(Secret.of("").isEmpty());
  }

  @Test
  void twoSecretsAreEqualByValueWithOneHashForAll() {
    // devices share a connection only when their settings, passwords included, are equal
    assertEquals(Secret.of(PASSWORD), Secret.of(PASSWORD.toCharArray()));
    assertNotEquals(Secret.of(PASSWORD), Secret.of(PASSWORD + "x"));
    assertEquals(Secret.of("a").hashCode(), Secret.of("b").hashCode());
  }
}
