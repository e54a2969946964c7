package io.minicloud.mapper.modbus.config;

import java.util.Locale;

/** How Modbus frames reach a device. */
public enum ModbusMode {
  /** Modbus TCP: MBAP header, over a TCP connection. */
  TCP("tcp"),
  /** Modbus RTU over a serial line (RS-485, RS-232, USB adapter). */
  RTU("rtu"),
  /** RTU frames, CRC included, over a TCP socket: what serial device servers pass through. */
  RTU_OVER_TCP("rtu-over-tcp");

  private final String configName;

  ModbusMode(String configName) {
    this.configName = configName;
  }

  /** The spelling in {@code configData.mode}. */
  public String configName() {
    return configName;
  }

  /** True when the device is reached through a TCP endpoint (host and port). */
  public boolean overTcp() {
    return this != RTU;
  }

  /** True when frames are RTU frames (CRC, unit 0 is broadcast). */
  public boolean rtuFrames() {
    return this != TCP;
  }

  /**
   * @throws IllegalArgumentException naming the accepted spellings
   */
  public static ModbusMode parse(String text) {
    String key = text.trim().toLowerCase(Locale.ROOT);
    for (ModbusMode mode : values()) {
      if (mode.configName.equals(key)) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "unknown mode '" + text + "': expected tcp, rtu or rtu-over-tcp");
  }
}
