package io.minicloud.mapper.firmata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.contract.FrameScript;
import io.minicloud.mapper.api.contract.Hex;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Line noise, cut messages and silent or vanishing boards, driven through the whole host path
 * (serial bytes → reader thread → decoder → board model → driver read). The codec's own tests cover
 * the decoder byte by byte; these prove the connection survives what the decoder drops.
 */
class HostileBoardTest {
  private final RecordingPushSignal pushed = new RecordingPushSignal();
  private FirmataConnection connection;

  @AfterEach
  void close() {
    if (connection != null) {
      connection.close();
    }
  }

  /** The a0 device of the read-analog golden case, attached to its scripted board. */
  private FirmataDriver attachedAnalog(InMemoryBoard board) throws Exception {
    FirmataDriver driver =
        (FirmataDriver)
            new FirmataPlugin()
                .bind(
                    io.minicloud.mapper.api.contract.GoldenCase.load("firmata", "read-analog")
                        .device());
    connection = new FirmataConnection(board, "mem", "board-1");
    driver.attach(session());
    board.awaitIdle();
    return driver;
  }

  private BoardLinkSession session() {
    return new BoardLinkSession(connection, 300, pushed);
  }

  private long a0(FirmataDriver driver) throws IOException {
    PointResult result = driver.read(session(), List.of("a0")).get(0);
    assertTrue(result.isOk(), () -> "a0: " + result.error());
    return ((LongValue) result.raw()).value();
  }

  private static InMemoryBoard scripted() throws IOException {
    return new InMemoryBoard(FrameScript.load("firmata.read-analog.hex"));
  }

  @Test
  void garbageBetweenMessagesIsDroppedAndCounted() throws Exception {
    InMemoryBoard board = scripted();
    FirmataDriver driver = attachedAnalog(board);
    long errorsBefore = connection.decodeErrors();

    // WHEN stray data bytes, an unknown command and a stray END_SYSEX surround a report
    board.emit("01 02 7F F3 55 F7 E0 20 00 13 37");
    board.awaitIdle();

    // THEN the report is read and the noise counted, not taken for values
    assertEquals(0x20, a0(driver));
    assertTrue(connection.decodeErrors() > errorsBefore);
  }

  @Test
  void aTruncatedSysexNeitherHidesTheNextMessageNorLooksLikeAReset() throws Exception {
    InMemoryBoard board = scripted();
    FirmataDriver driver = attachedAnalog(board);

    // WHEN a firmware report is cut off by the next command
    board.emit("F0 79 02 04 53 00 E0 30 00");
    board.awaitIdle();

    // THEN the analog report behind it counts, and no reset is assumed from half a report
    assertEquals(0x30, a0(driver));
    assertEquals(0, connection.resets());
  }

  @Test
  void anOversizeSysexIsSkippedWhole() throws Exception {
    InMemoryBoard board = scripted();
    FirmataDriver driver = attachedAnalog(board);
    byte[] huge = new byte[6000];
    java.util.Arrays.fill(huge, (byte) 0x41);

    // WHEN a string message longer than the decoder keeps arrives, then a report
    board.emit("F0 71");
    board.emit(huge);
    board.emit("F7 E0 40 00");
    board.awaitIdle();

    // THEN the string is dropped (not logged half), and the report is read
    assertEquals(0x40, a0(driver));
    assertTrue(connection.board().strings().isEmpty(), connection.board().strings()::toString);
  }

  @Test
  void aReportIsPushedOnlyWhenItsValueChanges() throws Exception {
    InMemoryBoard board = scripted();
    attachedAnalog(board);
    int first = pushed.count("a0");
    assertEquals(1, first, "the scripted first report is pushed");

    // WHEN the same value is reported again, then a new one
    board.emit("E0 7F 03 E0 7F 03");
    board.awaitIdle();
    int afterSame = pushed.count("a0");
    board.emit("E0 00 04");
    board.awaitIdle();

    // THEN only the change is pushed
    assertEquals(first, afterSame);
    assertEquals(first + 1, pushed.count("a0"));
  }

  @Test
  void aBoardThatNeverAnswersFailsAttachWithAClearTimeout() throws Exception {
    // GIVEN a port with nothing behind it that speaks Firmata
    InMemoryBoard silent = new InMemoryBoard();
    connection = new FirmataConnection(silent, "/dev/ttyUSB9", "board-1");
    DeviceSpec spec = Devices.demo("/dev/ttyUSB9", "startupTimeout", 400);
    FirmataDriver driver = (FirmataDriver) new FirmataPlugin().bind(spec);

    // WHEN the device attaches
    long start = System.nanoTime();
    DeviceException e = assertThrows(DeviceException.class, () -> driver.attach(session()));

    // THEN it fails within the startup timeout, saying what was missing, after asking
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(ErrorKind.TIMEOUT, e.kind());
    assertTrue(e.getMessage().contains("/dev/ttyUSB9 sent no firmware response"), e.getMessage());
    assertTrue(millis < 1500, "gave up after " + millis + " ms");
    assertTrue(Hex.format(silent.written()).contains("F0 79 F7"), "asked for the firmware");
    PointResult read = driver.read(session(), List.of("a0")).get(0);
    assertEquals(ErrorKind.TIMEOUT, read.error().kind(), "reads carry the attach failure");
  }

  @Test
  void anUnpluggedBoardIsALinkFailureNotADeviceError() throws Exception {
    InMemoryBoard board = scripted();
    FirmataDriver driver = attachedAnalog(board);

    // WHEN the cable is pulled
    board.close();

    // THEN the connection closes and reads throw a plain IOException (the core reconnects)
    assertTrue(BoardWait.until(Duration.ofSeconds(2), () -> !connection.isOpen()));
    IOException e = assertThrows(IOException.class, () -> driver.read(session(), List.of("a0")));
    assertFalse(e instanceof DeviceException, e.toString());
  }

  @Test
  void anUnaskedFirmwareReportIsAResetAndTheBoardIsConfiguredAgain() throws Exception {
    // GIVEN the demo board attached (handshake answered as StandardFirmata does) and the LED on
    RecordedStandardFirmata firmware = new RecordedStandardFirmata();
    InMemoryBoard board = new InMemoryBoard(firmware);
    board.emit(RecordedStandardFirmata.BOOT);
    connection = new FirmataConnection(board, "mem", "board-1");
    FirmataDriver driver =
        (FirmataDriver) new FirmataPlugin().bind(Devices.demo("/dev/in-memory-board"));
    driver.attach(session());
    driver.write(session(), "led", new io.minicloud.mapper.api.BoolValue(true));
    board.emit("E0 10 00");
    board.awaitIdle();
    int writtenBefore = board.written().length;
    int ledPushes = pushed.count("led");

    // WHEN the board boots again and says so
    board.emit(RecordedStandardFirmata.BOOT);

    // THEN the host handshakes again, restores the LED, and every property is pushed
    assertTrue(BoardWait.until(Duration.ofSeconds(5), () -> pushed.count("led") > ledPushes));
    assertEquals(1, connection.resets());
    String after =
        Hex.format(
            java.util.Arrays.copyOfRange(board.written(), writtenBefore, board.written().length));
    assertTrue(after.contains("F0 6B F7"), "capabilities asked again: " + after);
    assertTrue(after.contains("F4 0D 01") && after.contains("91 20 00"), "LED restored: " + after);
    assertTrue(after.contains("C0 01"), "A0 reporting again: " + after);
    PointResult a0 = driver.read(session(), List.of("a0")).get(0);
    assertEquals(ErrorKind.NO_DATA, a0.error().kind(), "no pre-reset value survives the reset");
    assertInstanceOf(
        io.minicloud.mapper.api.BoolValue.class,
        driver.read(session(), List.of("led")).get(0).raw());
  }

  @Test
  void aStaleAnalogValueIsNoData() throws Exception {
    // GIVEN a clock that runs 10 s ahead once the value is in
    java.util.concurrent.atomic.AtomicLong offset = new java.util.concurrent.atomic.AtomicLong();
    java.time.Clock clock =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public java.time.Instant instant() {
            return java.time.Instant.now().plusMillis(offset.get());
          }
        };
    InMemoryBoard board = scripted();
    DeviceSpec spec =
        io.minicloud.mapper.api.contract.GoldenCase.load("firmata", "read-analog").device();
    FirmataDriver driver = (FirmataDriver) new FirmataPlugin(clock).bind(spec);
    connection = new FirmataConnection(board, "mem", "board-1");
    driver.attach(session());
    board.awaitIdle();
    assertEquals(511, a0(driver));

    // WHEN no report comes for longer than maxAge (2 s by default)
    offset.set(10_000);

    // THEN the read says no data instead of passing the old value off as current
    PointResult result = driver.read(session(), List.of("a0")).get(0);
    assertEquals(ErrorKind.NO_DATA, result.error().kind());
    assertTrue(result.error().getMessage().contains("older than maxAge 2000 ms"));
  }

  @Test
  void everyDecodedMessageTypeIsSafeWithNoDeviceAttached() throws Exception {
    // a board streaming before anything attached: no push target yet, nothing may fail
    InMemoryBoard board = new InMemoryBoard();
    connection = new FirmataConnection(board, "mem", "none");
    board.emit("E0 10 00 90 04 00 F0 6E 0D 01 01 F7 F0 71 68 00 69 00 F7");
    board.awaitIdle();
    assertEquals(List.of("hi"), connection.board().strings());
    assertTrue(connection.board().digital(2).orElseThrow());
  }
}
