package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.firmata.codec.PinMode;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code mode} of a property as a Device file names it, and what it means for the pin: the
 * Firmata pin mode set at attach, the raw type the core transforms, and how a read is answered.
 */
public enum PointMode {
  /** Digital input, reported by the board on change (REPORT_DIGITAL). */
  INPUT(PinMode.INPUT, DataType.BOOL, false),
  /** Digital input with the MCU's pull-up enabled (Firmata 2.5 PIN_MODE_PULLUP). */
  INPUT_PULLUP(PinMode.PULLUP, DataType.BOOL, false),
  /** Digital output, written as a whole port (DIGITAL_MESSAGE); read back by pin-state query. */
  OUTPUT(PinMode.OUTPUT, DataType.BOOL, true),
  /** Analog input channel, reported every sampling interval (REPORT_ANALOG); raw counts. */
  ANALOG(PinMode.ANALOG, DataType.INT32, false),
  /** PWM duty in counts of the pin's resolution (0..255 on an Uno). */
  PWM(PinMode.PWM, DataType.INT32, true),
  /** Servo angle in degrees (or pulse width in µs above 544, as the Servo library takes it). */
  SERVO(PinMode.SERVO, DataType.INT32, true),
  /** A register of an I2C device, read on demand and written through I2C_REQUEST. */
  I2C(PinMode.I2C, DataType.INT64, true);

  private final PinMode pinMode;
  private final DataType rawType;
  private final boolean output;

  PointMode(PinMode pinMode, DataType rawType, boolean output) {
    this.pinMode = pinMode;
    this.rawType = rawType;
    this.output = output;
  }

  public PinMode pinMode() {
    return pinMode;
  }

  /** The raw type the driver reads and writes (I2C properties of type bytes read bytes). */
  public DataType rawType() {
    return rawType;
  }

  /** Whether the property may be ReadWrite in this mode. */
  public boolean output() {
    return output;
  }

  public boolean digital() {
    return rawType == DataType.BOOL;
  }

  static List<String> names() {
    return Arrays.stream(values()).map(Enum::name).toList();
  }
}
