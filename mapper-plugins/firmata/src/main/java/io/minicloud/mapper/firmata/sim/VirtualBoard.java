package io.minicloud.mapper.firmata.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An emulated ATmega328P (simavr) running real firmware, its UART0 on a pty: the microcontroller of
 * the tests, the demo and the virtual-board HIL profile. The C harness ({@code virtual_board.c},
 * shipped as a resource) is built with gcc against libsimavr on first use and cached by content.
 *
 * <p>Pins use AVR names: {@code B5} is port B bit 5 (Arduino pin 13); see {@link #avrPin(int)}.
 * Emulated time is held to wall time by the harness, never faster.
 */
public final class VirtualBoard implements AutoCloseable {
  private static final String SOURCE = "virtual_board.c";
  private static final Path HEADERS = Path.of("/usr/include/simavr/sim_avr.h");

  /** One output pin change, in the order the firmware made them. */
  public record PinEvent(String pin, int level, long nanoTime) {}

  private final Process process;
  private final OutputStream commands;
  private final CompletableFuture<String> pty = new CompletableFuture<>();
  private final Map<String, Integer> levels = new HashMap<>();
  private final List<PinEvent> history = new ArrayList<>();
  private final StringBuilder errors = new StringBuilder();
  private final Thread stderrReader;

  private VirtualBoard(Process process) {
    this.process = process;
    this.commands = process.getOutputStream();
    Thread reader = new Thread(this::readEvents, "virtual-board-stdout");
    reader.setDaemon(true);
    reader.start();
    stderrReader = new Thread(this::readErrors, "virtual-board-stderr");
    stderrReader.setDaemon(true);
    stderrReader.start();
  }

  /** Whether simavr's headers and gcc are installed (the board can be built here). */
  public static boolean available() {
    return Files.isRegularFile(HEADERS) && onPath("gcc");
  }

  /** Starts the board with an Intel-hex or ELF firmware and waits for its pty. */
  public static VirtualBoard start(Path firmware) throws IOException {
    Path harness = harness();
    Process process =
        new ProcessBuilder(harness.toString(), firmware.toAbsolutePath().toString()).start();
    VirtualBoard board = new VirtualBoard(process);
    try {
      board.pty.get(10, TimeUnit.SECONDS);
      return board;
    } catch (ExecutionException | TimeoutException e) {
      board.close();
      board.awaitErrors();
      throw new IOException("the virtual board did not come up: " + board.errors(), e);
    } catch (InterruptedException e) {
      board.close();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the virtual board", e);
    }
  }

  /** The pty of UART0, for {@code SerialConnection} or any serial host. */
  public String pty() {
    return pty.join();
  }

  /** The AVR name of an Arduino Uno pin: 0–7 → D0–D7, 8–13 → B0–B5, 14–19 (A0–A5) → C0–C5. */
  public static String avrPin(int arduinoPin) {
    if (arduinoPin >= 0 && arduinoPin <= 7) {
      return "D" + arduinoPin;
    }
    if (arduinoPin >= 8 && arduinoPin <= 13) {
      return "B" + (arduinoPin - 8);
    }
    if (arduinoPin >= 14 && arduinoPin <= 19) {
      return "C" + (arduinoPin - 14);
    }
    throw new IllegalArgumentException("the Uno has pins 0 to 19, not " + arduinoPin);
  }

  /** Drives analog input {@code channel} (0–5) to {@code millivolts} (AREF is 5000 mV). */
  public void analogInput(int channel, int millivolts) throws IOException {
    command("ADC " + channel + " " + millivolts);
  }

  /** Drives a digital input pin (AVR name) high or low. */
  public void digitalInput(String avrPin, boolean high) throws IOException {
    command("IN " + avrPin + " " + (high ? 1 : 0));
  }

  /** Resets the MCU: the firmware starts again from its reset vector with cleared RAM. */
  public void reset() throws IOException {
    command("RESET");
  }

  /** The last level the firmware drove on an output pin, or -1 if it never drove it. */
  public synchronized int level(String avrPin) {
    return levels.getOrDefault(avrPin, -1);
  }

  /** Every output change so far, oldest first. */
  public synchronized List<PinEvent> history() {
    return List.copyOf(history);
  }

  /** Waits until the pin is at {@code level}; false when the timeout passes first. */
  public synchronized boolean awaitLevel(String avrPin, int level, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (level(avrPin) != level) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !process.isAlive()) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  private void awaitErrors() {
    try {
      stderrReader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What the harness wrote on stderr (build or firmware problems). */
  public synchronized String errors() {
    return errors.toString().strip();
  }

  @Override
  public void close() {
    try {
      command("QUIT");
    } catch (IOException e) {
      // the harness is already gone: nothing more to stop
    }
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void command(String line) throws IOException {
    commands.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
    commands.flush();
  }

  private void readEvents() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("PTY ")) {
          pty.complete(line.substring(4).strip());
        } else if (line.startsWith("PIN ")) {
          String[] parts = line.split(" ");
          if (parts.length == 3) {
            pinChanged(parts[1], parts[2].equals("1") ? 1 : 0);
          }
        }
        // anything else is simavr's own chatter
      }
    } catch (IOException e) {
      // the process ended; waiters see !isAlive()
    } finally {
      pty.completeExceptionally(new IOException("the virtual board exited"));
      synchronized (this) {
        notifyAll();
      }
    }
  }

  private synchronized void pinChanged(String pin, int level) {
    levels.put(pin, level);
    history.add(new PinEvent(pin, level, System.nanoTime()));
    if (history.size() > 100_000) {
      history.subList(0, 50_000).clear();
    }
    notifyAll();
  }

  private void readErrors() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (this) {
          if (errors.length() < 8192) {
            errors.append(line).append('\n');
          }
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** Builds the harness once per source version into the tool cache. */
  static synchronized Path harness() throws IOException {
    if (!available()) {
      throw new IOException(
          "the virtual board needs simavr's development files and gcc:"
              + " apt-get install simavr libsimavr-dev libelf-dev gcc");
    }
    byte[] source = ToolCache.resource(SOURCE);
    Path dir =
        ToolCache.root().resolve("virtual-board-" + ToolCache.sha256(source).substring(0, 12));
    Path binary = dir.resolve("virtual_board");
    if (Files.isExecutable(binary)) {
      return binary;
    }
    Files.createDirectories(dir);
    Path c = dir.resolve(SOURCE);
    Files.write(c, source);
    Path partial = dir.resolve("virtual_board.tmp" + ProcessHandle.current().pid());
    ToolCache.run(
        dir,
        "gcc",
        "-O2",
        "-o",
        partial.toString(),
        c.toString(),
        "-I/usr/include/simavr",
        "-I/usr/include/simavr/parts",
        "-lsimavr",
        "-lsimavrparts",
        "-lelf",
        "-lpthread",
        "-lutil");
    Files.move(
        partial, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return binary;
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
