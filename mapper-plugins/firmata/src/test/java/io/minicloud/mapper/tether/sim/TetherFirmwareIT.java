package io.minicloud.mapper.tether.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.firmata.sim.VirtualBoard;
import io.minicloud.mapper.tether.PinSetup;
import io.minicloud.mapper.tether.TetherConnection;
import io.minicloud.mapper.tether.codec.Identity;
import io.minicloud.mapper.tether.codec.PinMode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The host against the real firmware in simavr: identity, outputs on pins, analog and digital in.
 */
@Tag("peer")
class TetherFirmwareIT {

  @Test
  void identityCapabilitiesOutputsAndInputs() throws Exception {
    try (VirtualBoard board = TetherBoard.start();
        TetherConnection host = TetherBoard.connect(board.pty(), 3, Duration.ofMillis(300))) {
      // GIVEN pin 13 as an output (safe 0), A0 as analog input, pin 2 as digital input
      Identity id =
          host.attach(
              List.of(
                  new PinSetup(13, PinMode.DIGITAL_OUT, 0),
                  new PinSetup(14, PinMode.ANALOG_IN, 0),
                  new PinSetup(2, PinMode.DIGITAL_IN, 0)),
              Duration.ZERO,
              pin -> {});

      // THEN the MCU says who it is and what it can do
      assertEquals("tether-avr", id.firmwareName());
      assertEquals("1.0.0", id.firmwareVersion());
      assertEquals(1, id.protocolVersion());
      assertEquals(20, id.pinCount());
      assertEquals(64, id.maxPayload());
      assertTrue(id.supports(13, PinMode.DIGITAL_OUT));
      assertTrue(id.supports(14, PinMode.ANALOG_IN));
      assertTrue(!id.supports(13, PinMode.ANALOG_IN) && !id.supports(0, PinMode.DIGITAL_OUT));
      assertTrue(id.nonce() != 0);

      // WHEN pin 13 is set high, then low, THEN the MCU drives B5 accordingly
      host.set(13, 1);
      assertTrue(board.awaitLevel("B5", 1, Duration.ofSeconds(5)), board.history()::toString);
      assertEquals(1, host.read(13));
      host.set(13, 0);
      assertTrue(board.awaitLevel("B5", 0, Duration.ofSeconds(5)));

      // AND 2.5 V on A0 reads about 512 of 1023
      board.analogInput(0, 2500);
      int adc = host.read(14);
      assertTrue(Math.abs(adc - 512) <= 2, "2.5 V reads " + adc);

      // AND a digital input reads what drives it
      board.digitalInput("D2", true);
      Thread.sleep(50);
      assertEquals(1, host.read(2));
      board.digitalInput("D2", false);
      Thread.sleep(50);
      assertEquals(0, host.read(2));
      System.out.println("[TetherFirmwareIT] " + id + " " + host.counters());
    }
  }
}
