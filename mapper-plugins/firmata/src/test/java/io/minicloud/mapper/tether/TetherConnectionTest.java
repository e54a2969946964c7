package io.minicloud.mapper.tether;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.tether.codec.PinMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Retries, duplicate-free re-sends, reset detection and events, against an in-memory MCU. */
class TetherConnectionTest {
  private static final List<PinSetup> PINS =
      List.of(new PinSetup(13, PinMode.DIGITAL_OUT, 0), new PinSetup(2, PinMode.DIGITAL_IN, 0));

  private final FakeMcuLine mcu = new FakeMcuLine();
  private final List<Integer> events = new CopyOnWriteArrayList<>();

  private TetherConnection connect(int retries) {
    return new TetherConnection(mcu, new RetryPolicy(retries, Duration.ofMillis(50)), "test");
  }

  @Test
  void aLostReplyIsRetriedWithTheSameSequenceNumberAndAppliedOnce() throws Exception {
    try (TetherConnection host = connect(3)) {
      // GIVEN an attached MCU whose next two replies are lost
      host.attach(PINS, Duration.ZERO, events::add);
      mcu.dropNextReplies(2);

      // WHEN the host sets pin 13
      host.set(13, 1);

      // THEN it took two retries, and the MCU applied the SET once
      assertEquals(2, host.counters().retries());
      assertEquals(List.of("13=1"), mcu.applied);
    }
  }

  @Test
  void aRequestThatNeverGetsAReplyFailsAfterTheBoundedRetries() throws Exception {
    try (TetherConnection host = connect(2)) {
      host.attach(PINS, Duration.ZERO, events::add);
      mcu.dropNextReplies(100);

      DeviceException e = assertThrows(DeviceException.class, () -> host.set(13, 1));

      assertEquals(ErrorKind.TIMEOUT, e.kind());
      assertEquals(2, host.counters().retries());
      assertEquals(1, host.counters().failures());
      assertTrue(e.getMessage().contains("3 attempts"), e.getMessage());
    }
  }

  @Test
  void aNewBootNonceMakesTheHostReapplyConfigurationAndCommandedLevels() throws Exception {
    try (TetherConnection host = connect(3)) {
      // GIVEN pin 13 commanded high
      host.attach(PINS, Duration.ZERO, events::add);
      host.set(13, 1);
      long before = host.identity().nonce();

      // WHEN the MCU resets and the host next reads
      mcu.reset();
      mcu.inputs.put(2, 1);
      int value = host.read(2);

      // THEN the read succeeds after a restore that re-applied the commanded level
      assertEquals(1, value);
      assertEquals(mcu.nonce(), host.identity().nonce());
      assertTrue(host.identity().nonce() != before);
      assertEquals(2, host.counters().restores());
      assertEquals(List.of("13=1", "13=1"), mcu.applied);
    }
  }

  @Test
  void aConfigurationCutShortByTheLineIsRedoneBeforeTheNextRequest() throws Exception {
    try (TetherConnection host = connect(0)) {
      // GIVEN an attached MCU that resets; the host's next read meets it (NACK, new nonce) and
      // starts to re-configure (HELLO answered: the new nonce is known), but the line drops the
      // reply to the first CONFIG_PIN
      host.attach(PINS, Duration.ZERO, events::add);
      host.set(13, 1);
      mcu.reset();
      mcu.inputs.put(2, 1);
      mcu.dropReplies(2, 1);
      DeviceException cut = assertThrows(DeviceException.class, () -> host.read(2));
      assertEquals(ErrorKind.TIMEOUT, cut.kind());

      // WHEN the line is good again and the host reads
      int value = host.read(2);

      // THEN it first completed the configuration: pins, fail-safe and the commanded level
      assertEquals(1, value);
      assertEquals(List.of("13=1", "13=1"), mcu.applied);
    }
  }

  @Test
  void aTrippedFailSafeIsRestoredBeforeTheNextSet() throws Exception {
    try (TetherConnection host = connect(3)) {
      host.attach(PINS, Duration.ZERO, events::add);
      host.set(13, 1);

      mcu.trip();
      host.set(13, 0);

      // re-armed, the old command restored, then the new one applied
      assertEquals(List.of("13=1", "SAFE", "13=1", "13=0"), mcu.applied);
    }
  }

  @Test
  void aRefusedRequestIsADeviceExceptionNamingTheReason() throws Exception {
    try (TetherConnection host = connect(3)) {
      host.attach(PINS, Duration.ZERO, events::add);

      DeviceException e = assertThrows(DeviceException.class, () -> host.set(12, 1));

      assertEquals(ErrorKind.DEVICE_EXCEPTION, e.kind());
      assertTrue(e.getMessage().contains("NOT_CONFIGURED"), e.getMessage());
      assertEquals(0, host.counters().retries(), "a NACK is an answer: no retry");
    }
  }

  @Test
  void inputEventsReachTheListener() throws Exception {
    try (TetherConnection host = connect(3)) {
      host.attach(PINS, Duration.ZERO, events::add);

      mcu.event(2, 1);

      long deadline = System.nanoTime() + 2_000_000_000L;
      while (events.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(new ArrayList<>(List.of(2)), new ArrayList<>(events));
    }
  }

  @Test
  void aPinTheMcuLacksIsRefusedAtAttach() {
    try (TetherConnection host = connect(3)) {
      DeviceException e =
          assertThrows(
              DeviceException.class,
              () ->
                  host.attach(
                      List.of(new PinSetup(13, PinMode.ANALOG_IN, 0)), Duration.ZERO, p -> {}));
      assertTrue(e.getMessage().contains("no pin 13 in mode analog-in"), e.getMessage());
    }
  }
}
