package io.minicloud.mapper.tether.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.firmata.sim.VirtualBoard;
import io.minicloud.mapper.firmata.sim.VirtualBoard.PinEvent;
import io.minicloud.mapper.tether.PinSetup;
import io.minicloud.mapper.tether.TetherConnection;
import io.minicloud.mapper.tether.codec.PinMode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The host dies (a separate JVM, killed with SIGKILL): the MCU, on its own, drives every output to
 * its declared safe value once the fail-safe timeout has passed without a frame from the host.
 */
@Tag("peer")
class HostKilledIT {
  private static final int FAIL_SAFE_MS = 500;

  @Test
  void outputsReachTheirSafeValuesWithinTheFailSafeTimeout() throws Exception {
    try (VirtualBoard board = TetherBoard.start()) {
      // GIVEN a host in its own JVM that drove three outputs away from their safe values
      Process host =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  FailSafeHostMain.class.getName(),
                  board.pty(),
                  Integer.toString(FAIL_SAFE_MS))
              .redirectErrorStream(true)
              .start();
      try {
        awaitReady(host);
        for (int[] out : FailSafeHostMain.OUTPUTS) {
          String pin = VirtualBoard.avrPin(out[0]);
          assertTrue(
              board.awaitLevel(pin, out[2], Duration.ofSeconds(5)), board.history()::toString);
        }
        // the host keeps the MCU armed while it lives: nothing falls back for 3 timeouts
        int changesBefore = board.history().size();
        Thread.sleep(3L * FAIL_SAFE_MS);
        assertEquals(changesBefore, board.history().size(), "outputs moved while the host lived");

        // WHEN the host is killed
        long killedAt = System.nanoTime();
        host.destroyForcibly().waitFor(5, TimeUnit.SECONDS);

        // THEN every output reaches its safe value, after about the timeout
        for (int[] out : FailSafeHostMain.OUTPUTS) {
          String pin = VirtualBoard.avrPin(out[0]);
          // emulated time never runs ahead of wall time, so slack is only ever on the late side
          assertTrue(
              board.awaitLevel(pin, out[1], Duration.ofMillis(FAIL_SAFE_MS + 10_000)),
              () -> pin + " never reached its safe value: " + board.history());
        }
        List<PinEvent> fallback =
            board.history().stream().filter(e -> e.nanoTime() >= killedAt).toList();
        assertEquals(FailSafeHostMain.OUTPUTS.length, fallback.size(), fallback.toString());
        long measured =
            TimeUnit.NANOSECONDS.toMillis(fallback.get(fallback.size() - 1).nanoTime() - killedAt);
        System.out.printf(
            "[HostKilledIT] fail-safe %d ms: outputs safe %d ms after the kill %s%n",
            FAIL_SAFE_MS, measured, fallback);
        // the last heartbeat came at most a quarter timeout before the kill
        assertTrue(measured >= FAIL_SAFE_MS / 2, "fell back too early: " + measured + " ms");

        // AND they stay safe until a host re-configures: a new host then drives them again
        try (TetherConnection next = TetherBoard.connect(board.pty(), 3, Duration.ofMillis(200))) {
          next.attach(
              List.of(new PinSetup(13, PinMode.DIGITAL_OUT, 0)),
              Duration.ofMillis(FAIL_SAFE_MS),
              p -> {});
          assertEquals(0, board.level("B5"), "a re-attach alone must not leave the safe value");
          next.set(13, 1);
          assertTrue(board.awaitLevel("B5", 1, Duration.ofSeconds(5)));
        }
      } finally {
        host.destroyForcibly();
      }
    }
  }

  private static void awaitReady(Process host) throws Exception {
    CompletableFuture<String> ready = new CompletableFuture<>();
    StringBuilder output = new StringBuilder();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                  if (line.equals("READY")) {
                    ready.complete(line);
                  }
                }
              } catch (java.io.IOException e) {
                ready.completeExceptionally(e);
              }
              ready.completeExceptionally(new AssertionError("host exited: " + output));
            });
    reader.setDaemon(true);
    reader.start();
    ready.get(30, TimeUnit.SECONDS);
  }
}
