package io.minicloud.mapper.firmata.codec;

import static io.minicloud.mapper.firmata.codec.Bytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Expected bytes are worked out by hand from protocol.md, i2c.md and extended-analog.md. */
class FirmataEncoderTest {

  @Test
  void systemMessages() {
    // GIVEN no arguments WHEN encoding THEN one command byte each
    assertArrayEquals(hex("F9"), FirmataEncoder.reportVersion());
    assertArrayEquals(hex("FF"), FirmataEncoder.systemReset());
  }

  @Test
  void setPinModeAndDigitalPinValue() {
    assertArrayEquals(hex("F4 0D 01"), FirmataEncoder.setPinMode(13, PinMode.OUTPUT));
    assertArrayEquals(hex("F4 7F 0B"), FirmataEncoder.setPinMode(127, PinMode.PULLUP));
    assertArrayEquals(hex("F5 0D 01"), FirmataEncoder.setDigitalPinValue(13, 1));
    assertArrayEquals(hex("F5 02 00"), FirmataEncoder.setDigitalPinValue(2, 0));
  }

  @Test
  void digitalPortSplitsTheMaskIntoSevenBitsAndTheTopBit() {
    // GIVEN port 1, pins 8..15 = 1010 0101 WHEN encoding THEN 91, low 7 bits 0x25, bit 7 = 1
    assertArrayEquals(hex("91 25 01"), FirmataEncoder.digitalPort(1, 0xA5));
    assertArrayEquals(hex("9F 7F 00"), FirmataEncoder.digitalPort(15, 0x7F));
  }

  @Test
  void analogWriteIsFourteenBitsLsbFirst() {
    // 1000 = 0b111_1101000: LSB 0x68, MSB 0x07
    assertArrayEquals(hex("E3 68 07"), FirmataEncoder.analogWrite(3, 1000));
    assertArrayEquals(hex("EF 7F 7F"), FirmataEncoder.analogWrite(15, 0x3FFF));
  }

  @Test
  void reportAnalogAndDigital() {
    assertArrayEquals(hex("C2 01"), FirmataEncoder.reportAnalog(2, true));
    assertArrayEquals(hex("C0 00"), FirmataEncoder.reportAnalog(0, false));
    assertArrayEquals(hex("D1 01"), FirmataEncoder.reportDigital(1, true));
    assertArrayEquals(hex("DF 00"), FirmataEncoder.reportDigital(15, false));
  }

  @Test
  void queries() {
    assertArrayEquals(hex("F0 79 F7"), FirmataEncoder.reportFirmware());
    assertArrayEquals(hex("F0 6B F7"), FirmataEncoder.capabilityQuery());
    assertArrayEquals(hex("F0 69 F7"), FirmataEncoder.analogMappingQuery());
    assertArrayEquals(hex("F0 6D 0D F7"), FirmataEncoder.pinStateQuery(13));
  }

  @Test
  void extendedAnalogSendsTwoValueBytesAndMoreOnlyWhenNeeded() {
    // pin 20 = 0x14; 1000 -> 68 07
    assertArrayEquals(hex("F0 6F 14 68 07 F7"), FirmataEncoder.extendedAnalog(20, 1000));
    // 65536 = 2^16 -> groups 0, 0, 4
    assertArrayEquals(hex("F0 6F 14 00 00 04 F7"), FirmataEncoder.extendedAnalog(20, 65536));
    // 2^28 - 1 -> four full groups
    assertArrayEquals(
        hex("F0 6F 05 7F 7F 7F 7F F7"), FirmataEncoder.extendedAnalog(5, 0x0FFF_FFFF));
  }

  @Test
  void samplingInterval() {
    assertArrayEquals(hex("F0 7A 13 00 F7"), FirmataEncoder.samplingInterval(19));
    assertArrayEquals(hex("F0 7A 68 07 F7"), FirmataEncoder.samplingInterval(1000));
  }

  @Test
  void stringDataSendsEachCharacterAsTwoSevenBitBytes() {
    // 'H' = 0x48, 'i' = 0x69, 'é' = 0xE9 -> 69 01
    assertArrayEquals(hex("F0 71 48 00 69 00 F7"), FirmataEncoder.stringData("Hi"));
    assertArrayEquals(hex("F0 71 69 01 F7"), FirmataEncoder.stringData("\u00e9"));
    assertArrayEquals(hex("F0 71 F7"), FirmataEncoder.stringData(""));
  }

  @Test
  void i2cConfig() {
    assertArrayEquals(hex("F0 78 00 00 F7"), FirmataEncoder.i2cConfig(0));
    // 200 = 0xC8 -> 48 01
    assertArrayEquals(hex("F0 78 48 01 F7"), FirmataEncoder.i2cConfig(200));
  }

  @Test
  void i2cRequest() {
    // GIVEN a write of register 0x01, value 0xFF to 0x48 THEN flags 00, data as 7-bit pairs
    assertArrayEquals(
        hex("F0 76 48 00 01 00 7F 01 F7"),
        FirmataEncoder.i2cRequest(0x48, I2cMode.WRITE, false, 0x01, 0xFF));
    // read once (mode 01 in bits 3-4 -> 08): register 0, 2 bytes
    assertArrayEquals(
        hex("F0 76 48 08 00 00 02 00 F7"),
        FirmataEncoder.i2cRequest(0x48, I2cMode.READ_ONCE, false, 0x00, 2));
    // 10-bit 0x2A5: LSB 25; flags 40 (restart) | 20 (10-bit) | 10 (continuous) | 05 (bits 7-9)
    assertArrayEquals(
        hex("F0 76 25 75 F7"), FirmataEncoder.i2cRequest(0x2A5, I2cMode.READ_CONTINUOUSLY, true));
    assertArrayEquals(
        hex("F0 76 48 18 F7"), FirmataEncoder.i2cRequest(0x48, I2cMode.STOP_READING, false));
  }

  @Test
  void argumentsOutOfRangeAreRejectedByName() {
    rejects("pin", () -> FirmataEncoder.setPinMode(128, PinMode.INPUT));
    rejects("pin", () -> FirmataEncoder.setPinMode(-1, PinMode.INPUT));
    rejects("mode", () -> FirmataEncoder.setPinMode(1, null));
    rejects("value", () -> FirmataEncoder.setDigitalPinValue(1, 2));
    rejects("port", () -> FirmataEncoder.digitalPort(16, 0));
    rejects("mask", () -> FirmataEncoder.digitalPort(0, 256));
    rejects("pin", () -> FirmataEncoder.analogWrite(16, 0));
    rejects("value", () -> FirmataEncoder.analogWrite(3, 0x4000));
    rejects("channel", () -> FirmataEncoder.reportAnalog(16, true));
    rejects("port", () -> FirmataEncoder.reportDigital(-1, true));
    rejects("pin", () -> FirmataEncoder.pinStateQuery(200));
    rejects("value", () -> FirmataEncoder.extendedAnalog(20, -1));
    rejects("millis", () -> FirmataEncoder.samplingInterval(0x4000));
    rejects("text", () -> FirmataEncoder.stringData("\u4000"));
    rejects("text", () -> FirmataEncoder.stringData(null));
    rejects("delayMicros", () -> FirmataEncoder.i2cConfig(-5));
    rejects("address", () -> FirmataEncoder.i2cRequest(0x400, I2cMode.WRITE, false));
    rejects("data[1]", () -> FirmataEncoder.i2cRequest(0x48, I2cMode.WRITE, false, 1, 0x4000));
  }

  private static void rejects(String argument, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().startsWith(argument), e.getMessage());
  }
}
