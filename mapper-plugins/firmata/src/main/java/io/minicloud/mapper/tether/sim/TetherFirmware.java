package io.minicloud.mapper.tether.sim;

import io.minicloud.mapper.firmata.sim.ToolCache;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The tether v1 reference firmware, built from the C sources shipped in this jar with Debian's
 * gcc-avr into the tool cache (content-addressed: a changed source is rebuilt, never reused). Gives
 * the ELF (with simavr's {@code .mmcu} section, for {@code VirtualBoard}) and the Intel hex (for
 * flashing a real Uno with avrdude).
 */
public final class TetherFirmware {
  static final String RESOURCES = "/io/minicloud/mapper/tether/firmware/";

  /** The sources, in link order; the Makefile next to them lists the same. */
  static final List<String> SOURCES =
      List.of(
          "main.c", "protocol.c", "pins.c", "uart.c", "clock.c", "cobs.c", "crc16.c", "nonce.c");

  static final List<String> HEADERS =
      List.of("protocol.h", "pins.h", "uart.h", "clock.h", "cobs.h", "crc16.h", "nonce.h");

  private static final Path SIMAVR_HEADER = Path.of("/usr/include/simavr/avr/avr_mcu_section.h");

  /** The built firmware. */
  public record Build(Path elf, Path hex) {}

  private TetherFirmware() {}

  /** Whether gcc-avr, avr-libc and simavr's MCU-section header are installed. */
  public static boolean available() {
    return onPath("avr-gcc")
        && onPath("avr-objcopy")
        && Files.isRegularFile(Path.of("/usr/lib/avr/include/avr/io.h"))
        && Files.isRegularFile(SIMAVR_HEADER);
  }

  /**
   * Builds the firmware once per source version.
   *
   * @throws IOException naming the packages to install when the toolchain is missing, or with the
   *     compiler's output when the build fails
   */
  public static synchronized Build build() throws IOException {
    if (!available()) {
      throw new IOException(
          "building the tether v1 firmware needs gcc-avr, avr-libc and simavr's headers:"
              + " apt-get install gcc-avr avr-libc libsimavr-dev");
    }
    List<byte[]> contents = new ArrayList<>();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (String name : files()) {
      byte[] bytes = resource(name);
      contents.add(bytes);
      all.write(name.getBytes(StandardCharsets.UTF_8));
      all.write(bytes);
    }
    Path dir =
        ToolCache.root()
            .resolve("tether-v1-" + ToolCache.sha256(all.toByteArray()).substring(0, 12));
    Build build = new Build(dir.resolve("tether-v1.elf"), dir.resolve("tether-v1.hex"));
    if (Files.isRegularFile(build.elf()) && Files.isRegularFile(build.hex())) {
      return build;
    }
    Files.createDirectories(dir);
    for (int i = 0; i < files().size(); i++) {
      Files.write(dir.resolve(files().get(i)), contents.get(i));
    }
    String tmp = ".tmp" + ProcessHandle.current().pid();
    List<String> gcc =
        new ArrayList<>(
            List.of(
                "avr-gcc",
                "-mmcu=atmega328p",
                "-DF_CPU=16000000UL",
                "-DTETHER_SIMAVR",
                "-Os",
                "-std=gnu11",
                "-Wall",
                "-Wextra",
                "-Werror",
                "-I/usr/include/simavr/avr",
                "-o",
                "tether-v1.elf" + tmp));
    gcc.addAll(SOURCES);
    gcc.add("-Wl,--undefined=_mmcu,--section-start=.mmcu=0x910000");
    ToolCache.run(dir, gcc.toArray(String[]::new));
    ToolCache.run(
        dir,
        "avr-objcopy",
        "-O",
        "ihex",
        "-R",
        ".eeprom",
        "-R",
        ".mmcu",
        "tether-v1.elf" + tmp,
        "tether-v1.hex" + tmp);
    Files.move(
        dir.resolve("tether-v1.hex" + tmp), build.hex(), StandardCopyOption.REPLACE_EXISTING);
    Files.move(
        dir.resolve("tether-v1.elf" + tmp),
        build.elf(),
        StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    return build;
  }

  private static List<String> files() {
    List<String> files = new ArrayList<>(SOURCES);
    files.addAll(HEADERS);
    return files;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = TetherFirmware.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IOException("firmware source " + RESOURCES + name + " is missing from the jar");
      }
      return in.readAllBytes();
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
