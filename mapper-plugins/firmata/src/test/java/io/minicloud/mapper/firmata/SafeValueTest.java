package io.minicloud.mapper.firmata;

import static io.minicloud.mapper.firmata.Devices.property;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.BoolValue;
import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.PushSignal;
import io.minicloud.mapper.api.contract.Hex;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Outputs with a safeValue go to it when the bridge closes the connection. */
class SafeValueTest {

  private static DeviceSpec heaterBoard() {
    return new DeviceSpec(
        "board-1",
        Map.of("port", "/dev/in-memory-board"),
        List.of(
            property(
                "heater", DataType.BOOL, true, "pin", 13, "mode", "OUTPUT", "safeValue", false),
            property("fan", DataType.INT32, true, "pin", 9, "mode", "PWM", "safeValue", 0),
            property("lamp", DataType.BOOL, true, "pin", 12, "mode", "OUTPUT")));
  }

  @Test
  void closingTheConnectionSetsOutputsToTheirSafeValues() throws Exception {
    // GIVEN the heater on, the fan at 200 and a lamp without a safe value on
    InMemoryBoard board = new InMemoryBoard(new RecordedStandardFirmata());
    board.emit(RecordedStandardFirmata.BOOT);
    FirmataConnection connection = new FirmataConnection(board, "mem", "board-1");
    BoardLinkSession session = new BoardLinkSession(connection, 500, PushSignal.NONE);
    FirmataDriver driver = (FirmataDriver) new FirmataPlugin().bind(heaterBoard());
    driver.attach(session);
    driver.write(session, "heater", new BoolValue(true));
    driver.write(session, "lamp", new BoolValue(true));
    driver.write(session, "fan", new LongValue(200, DataType.INT32));
    int before = board.written().length;

    // WHEN the bridge closes the connection
    connection.close();

    // THEN the heater goes off (the lamp keeps its level in the same port message), the fan to 0
    String closing =
        Hex.format(Arrays.copyOfRange(board.written(), before, board.written().length));
    assertEquals("91 10 00 E9 00 00", closing);
  }

  @Test
  void aSafeValueOnAnInputIsRefused() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                FirmataDeviceConfig.bind(
                    new DeviceSpec(
                        "b",
                        Map.of("port", "/dev/in-memory-board"),
                        List.of(
                            property(
                                "btn",
                                DataType.BOOL,
                                false,
                                "pin",
                                2,
                                "mode",
                                "INPUT",
                                "safeValue",
                                true)))));
    assertTrue(
        e.errors().stream()
            .anyMatch(err -> err.field().endsWith("safeValue") && err.reason().contains("outputs")),
        e.errors()::toString);
  }
}
