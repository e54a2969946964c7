package io.minicloud.mapper.coap.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PskKeyEncodingTest {
  @TempDir Path dir;

  @Test
  void rawDropsOneTrailingNewlineOnly() throws Exception {
    assertArrayEquals(
        "key".getBytes(), PskKeyEncoding.RAW.read(Files.writeString(dir.resolve("a"), "key\n")));
    assertArrayEquals(
        "key".getBytes(), PskKeyEncoding.RAW.read(Files.writeString(dir.resolve("b"), "key\r\n")));
    assertArrayEquals(
        "key\n".getBytes(),
        PskKeyEncoding.RAW.read(Files.writeString(dir.resolve("c"), "key\n\n")));
  }

  @Test
  void hexIgnoresWhitespaceAndCase() throws Exception {
    assertArrayEquals(
        new byte[] {0x0a, (byte) 0xbc, 0x12},
        PskKeyEncoding.HEX.read(Files.writeString(dir.resolve("h"), " 0A bc\n12\n")));
  }

  @Test
  void badFilesAreRefusedWithoutShowingTheirContent() throws Exception {
    String content = "zz-not-hex-secret";
    IOException notHex =
        assertThrows(
            IOException.class,
            () -> PskKeyEncoding.HEX.read(Files.writeString(dir.resolve("x"), content)));
    assertFalse(notHex.getMessage().contains(content), notHex.getMessage());
    assertThrows(
        IOException.class,
        () -> PskKeyEncoding.RAW.read(Files.writeString(dir.resolve("e"), "\n")));
    assertThrows(
        IOException.class,
        () -> PskKeyEncoding.RAW.read(Files.write(dir.resolve("big"), new byte[5000])));
  }
}
