package io.minicloud.mapper.firmata.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The stock StandardFirmata firmware for the Arduino Uno (ATmega328P, 16 MHz, 57600 baud), prebuilt
 * and shipped in the npm package {@code avrgirl-arduino@4.2.3} (MIT). Fetched once with {@code npm
 * pack} into the tool cache and checked against the SHA-256 of the file we tested with, so a
 * changed upstream tarball is refused instead of silently tested against.
 */
public final class StandardFirmataHex {
  static final String PACKAGE = "avrgirl-arduino@4.2.3";
  static final String TARBALL = "avrgirl-arduino-4.2.3.tgz";
  static final String ENTRY = "package/junk/hex/uno/StandardFirmata.cpp.hex";
  static final String SHA256 = "6d57ea7cf30e26c9c2f3a01ee37907d2c951f8bc9c27f84dddad12fa9c8b8f36";

  private StandardFirmataHex() {}

  /**
   * The hex file, fetched (needs {@code npm} and the npm registry) on first use.
   *
   * @throws IOException naming what is missing when it cannot be had
   */
  public static synchronized Path path() throws IOException {
    Path dir = ToolCache.root().resolve("firmware");
    Path hex = dir.resolve("StandardFirmata-uno-" + SHA256.substring(0, 12) + ".hex");
    if (Files.isRegularFile(hex) && SHA256.equals(ToolCache.sha256(hex))) {
      return hex;
    }
    Files.createDirectories(dir);
    Path work = Files.createTempDirectory(dir, "fetch-");
    try {
      ToolCache.run(work, "npm", "pack", "--silent", PACKAGE);
      ToolCache.run(work, "tar", "xzf", TARBALL, ENTRY);
      Path fetched = work.resolve(ENTRY);
      String actual = ToolCache.sha256(fetched);
      if (!SHA256.equals(actual)) {
        throw new IOException(
            PACKAGE
                + " ships a StandardFirmata hex with SHA-256 "
                + actual
                + ", expected "
                + SHA256);
      }
      Files.move(fetched, hex, StandardCopyOption.REPLACE_EXISTING);
      return hex;
    } finally {
      deleteTree(work);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
