package io.minicloud.mapper.tether.sim;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.transport.SerialConnection;
import io.minicloud.mapper.api.transport.SerialSettings;
import io.minicloud.mapper.firmata.sim.VirtualBoard;
import io.minicloud.mapper.tether.RetryPolicy;
import io.minicloud.mapper.tether.TetherConnection;
import java.io.IOException;
import java.time.Duration;

/** Test helpers: a VirtualBoard running the tether v1 firmware, and a host connection to a pty. */
public final class TetherBoard {
  private TetherBoard() {}

  /** Skips the test when simavr or gcc-avr is missing; otherwise builds and boots the firmware. */
  public static VirtualBoard start() throws IOException {
    assumeTrue(VirtualBoard.available(), "simavr development files and gcc are installed");
    assumeTrue(TetherFirmware.available(), "gcc-avr and avr-libc are installed");
    return VirtualBoard.start(TetherFirmware.build().elf());
  }

  public static SerialConnection serial(String pty) throws IOException {
    return SerialConnection.open(new SerialSettings(pty, 115200, 8, SerialSettings.Parity.NONE, 1));
  }

  public static TetherConnection connect(String pty, int retries, Duration responseTimeout)
      throws IOException {
    return new TetherConnection(
        serial(pty), new RetryPolicy(retries, responseTimeout), pty.replace('/', '_'));
  }
}
