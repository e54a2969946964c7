package io.minicloud.mapper.modbus.config;

import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.LinkPolicy;
import io.minicloud.mapper.api.LinkSpec;
import io.minicloud.mapper.api.transport.SerialConnection;
import io.minicloud.mapper.api.transport.SerialPortIdentity;
import io.minicloud.mapper.api.transport.SerialSettings;
import io.minicloud.mapper.api.transport.SerialSettings.Parity;
import io.minicloud.mapper.api.transport.TcpConnection;
import io.minicloud.mapper.modbus.codec.ModbusFramer;
import io.minicloud.mapper.modbus.codec.RtuFramer;
import io.minicloud.mapper.modbus.codec.TcpFramer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A device's Modbus connection settings ({@code spec.protocol.configData}), typed.
 *
 * @param host the TCP endpoint for {@code tcp} and {@code rtu-over-tcp}; null for {@code rtu}
 * @param serial the serial line for {@code rtu}; null otherwise
 * @param unitId the unit id (slave address); 0 in an RTU mode is the broadcast address
 * @param maxRegistersPerRead registers one read may ask for; coils per read are 16 times that,
 *     capped at 2000
 * @param maxReadGap unused registers (or coils) a merged read may bridge between two properties
 * @param forceMultiple write single registers with function 16 instead of 6 (some devices only
 *     implement 16); a property may override it
 */
public record ModbusProtocolConfig(
    ModbusMode mode,
    String host,
    int port,
    SerialSettings serial,
    int unitId,
    Duration timeout,
    Duration interRequestDelay,
    Duration connectTimeout,
    int maxConnections,
    int maxRegistersPerRead,
    int maxReadGap,
    boolean forceMultiple) {

  static final String PREFIX = "protocol.configData.";

  /** Every key {@code configData} may hold. */
  public static final List<String> KEYS =
      List.of(
          "mode",
          "host",
          "ip",
          "port",
          "serialPort",
          "baudRate",
          "dataBits",
          "parity",
          "stopBits",
          "slaveID",
          "unitId",
          "timeout",
          "interRequestDelay",
          "connectTimeout",
          "maxConnections",
          "maxRegistersPerRead",
          "maxReadGap",
          "forceMultiple");

  private static final List<String> SERIAL_KEYS =
      List.of("serialPort", "baudRate", "dataBits", "parity", "stopBits");

  /**
   * {@code tcp:<host>:<port>}, {@code rtu-over-tcp:<host>:<port>}, or {@code serial:<path>} /
   * {@code serial:usb-serial:<number>} (as configured: stable across USB re-enumeration).
   */
  public String linkId() {
    return mode == ModbusMode.RTU
        ? SerialConnection.linkId(serial)
        : mode.configName() + ":" + host + ":" + port;
  }

  public LinkPolicy policy() {
    return new LinkPolicy(maxConnections, interRequestDelay, timeout);
  }

  /** The link the core owns; devices on one bus or endpoint get equal ids and share it. */
  public LinkSpec link() {
    LinkSpec.Opener opener =
        mode == ModbusMode.RTU
            ? SerialConnection.opener(serial)
            : TcpConnection.opener(host, port, connectTimeout);
    return new LinkSpec(linkId(), policy(), true, opener);
  }

  /** A new framer (Modbus TCP keeps a transaction counter per device). */
  public ModbusFramer framer() {
    return mode == ModbusMode.TCP ? new TcpFramer() : new RtuFramer();
  }

  /** Coils or discrete inputs one read may ask for. */
  public int maxCoilsPerRead() {
    return Math.min(2000, maxRegistersPerRead * 16);
  }

  /** True for unit 0 on an RTU line: requests are broadcast, nobody answers. */
  public boolean broadcast() {
    return unitId == 0 && mode.rtuFrames();
  }

  /**
   * Binds {@code configData}, adding every problem to {@code errors}. Invalid fields take their
   * defaults, so the properties can still be checked against a usable config.
   */
  public static ModbusProtocolConfig bind(Map<String, ?> configData, List<FieldError> errors) {
    ConfigFields f = new ConfigFields(configData, key -> PREFIX + key, errors);
    f.accept(KEYS.toArray(String[]::new));
    String hostKey = f.alias("host", "ip");
    String host = f.text(hostKey).orElse(null);
    String serialPort = f.text("serialPort").orElse(null);
    ModbusMode mode = f.parsed("mode", ModbusMode::parse).orElse(null);
    if (mode == null) {
      mode = inferMode(f, hostKey, host, serialPort);
    }
    if (mode != null) {
      checkModeFields(f, mode, hostKey, host, serialPort);
    } else {
      mode = ModbusMode.TCP; // already reported; check the rest against the common case
    }

    int port = f.integer("port", 1, 65535).orElse(502);
    SerialSettings serial = mode == ModbusMode.RTU ? serial(f, serialPort) : null;
    String unitKey = f.alias("slaveID", "unitId");
    // 248..255 are reserved on serial lines; Modbus TCP gateways use the whole byte
    int unitId = f.integer(unitKey, 0, mode.rtuFrames() ? 247 : 255).orElse(1);
    Duration timeout = millis(f, "timeout", 1, 60_000, 1000);
    Duration delay = millis(f, "interRequestDelay", 0, 60_000, defaultDelay(mode, serial));
    Duration connectTimeout = millis(f, "connectTimeout", 1, 60_000, 3000);
    int maxConnections = f.integer("maxConnections", 1, 16).orElse(1);
    if (mode == ModbusMode.RTU && maxConnections > 1) {
      f.error("maxConnections", "a serial port has exactly one connection");
    }
    int maxRegisters = f.integer("maxRegistersPerRead", 1, 125).orElse(125);
    int maxGap = f.integer("maxReadGap", 0, 124).orElse(8);
    boolean forceMultiple = f.bool("forceMultiple").orElse(false);
    f.rejectUnknown();
    return new ModbusProtocolConfig(
        mode,
        host,
        port,
        serial,
        unitId,
        timeout,
        delay,
        connectTimeout,
        maxConnections,
        maxRegisters,
        maxGap,
        forceMultiple);
  }

  private static ModbusMode inferMode(
      ConfigFields f, String hostKey, String host, String serialPort) {
    if (f.has("mode")) {
      return null; // an invalid mode was reported; guessing would only add noise
    }
    if (host != null && serialPort != null) {
      f.error("mode", "missing: both " + hostKey + " and serialPort are set, say which to use");
      return null;
    }
    if (host != null) {
      return ModbusMode.TCP;
    }
    if (serialPort != null) {
      return ModbusMode.RTU;
    }
    if (!f.has(hostKey) && !f.has("serialPort")) {
      f.error("host", "missing: set host (or ip) for Modbus TCP, or serialPort for Modbus RTU");
    }
    return null;
  }

  private static void checkModeFields(
      ConfigFields f, ModbusMode mode, String hostKey, String host, String serialPort) {
    if (mode.overTcp()) {
      if (host == null && !f.has(hostKey)) {
        f.error("host", "missing: mode " + mode.configName() + " needs host (or ip)");
      }
      for (String key : SERIAL_KEYS) {
        if (f.has(key)) {
          f.error(key, "applies to mode rtu only, not " + mode.configName());
        }
      }
    } else {
      if (serialPort == null && !f.has("serialPort")) {
        f.error("serialPort", "missing: mode rtu needs serialPort (e.g. /dev/ttyUSB0)");
      }
      for (String key : List.of(hostKey, "port", "connectTimeout")) {
        if (f.has(key)) {
          f.error(key, "applies to modes tcp and rtu-over-tcp, not rtu");
        }
      }
    }
  }

  private static SerialSettings serial(ConfigFields f, String serialPort) {
    int baudRate = f.integer("baudRate", 50, 4_000_000).orElse(19200);
    // RTU carries binary bytes: 7 data bits (fine for Modbus ASCII) would corrupt them
    int dataBits = f.integer("dataBits", 8, 8).orElse(8);
    Parity parity = f.parsed("parity", Parity::parse).orElse(Parity.EVEN);
    int stopBits = f.integer("stopBits", 1, 2).orElse(1);
    if (serialPort != null) {
      try {
        SerialPortIdentity.parse(serialPort);
      } catch (IllegalArgumentException e) {
        f.error("serialPort", e.getMessage());
      }
    }
    return new SerialSettings(
        serialPort == null ? "" : serialPort, baudRate, dataBits, parity, stopBits);
  }

  /**
   * RTU frames end with 3.5 character times of silence; a request sent sooner runs into the last
   * reply on the bus. Rounded up to whole milliseconds and at least 2 ms, since USB-RS485 adapters
   * and OS timers are no finer.
   */
  static long defaultDelay(ModbusMode mode, SerialSettings serial) {
    if (mode != ModbusMode.RTU || serial == null) {
      return 0;
    }
    return Math.max(2, (long) Math.ceil(3.5 * serial.characterMicros() / 1000.0));
  }

  private static Duration millis(ConfigFields f, String key, int min, int max, long fallback) {
    return Duration.ofMillis(f.integer(key, min, max).map(Integer::longValue).orElse(fallback));
  }
}
