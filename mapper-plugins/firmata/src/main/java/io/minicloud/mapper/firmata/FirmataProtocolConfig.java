package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.config.ConfigFields;
import io.minicloud.mapper.api.transport.SerialPortIdentity;
import io.minicloud.mapper.api.transport.SerialSettings;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A board's {@code protocol.configData}: where it is plugged in and how it reports. See the module
 * README for every key.
 *
 * @param port the serial device as written in the Device file; {@link BoardPort} turns it into a
 *     connection
 * @param samplingInterval how often the firmware reports analog inputs (SAMPLING_INTERVAL)
 * @param startupTimeout how long attach waits for the board to boot and answer its queries
 * @param maxAge an analog reading older than this is {@code no_data}: the board stopped reporting
 */
public record FirmataProtocolConfig(
    String port,
    int baudRate,
    Duration samplingInterval,
    Duration startupTimeout,
    Duration maxAge,
    int i2cDelayMicros) {

  static final Set<String> KEYS =
      new LinkedHashSet<>(
          List.of("port", "baudRate", "samplingInterval", "startupTimeout", "maxAge", "i2cDelay"));

  /** StandardFirmata's own default; reporting faster than this is rarely needed. */
  static final int DEFAULT_SAMPLING_MILLIS = 19;

  /**
   * An Uno resets when the port opens (DTR) and its bootloader waits ~1.6 s; StandardFirmata then
   * needs ~2 s of setup before it takes commands. 10 s leaves room for a slow USB hub.
   */
  static final long DEFAULT_STARTUP_MILLIS = 10_000;

  static String field(String key) {
    return "protocol.configData." + key;
  }

  /** Binds the map, adding every problem to {@code errors}; empty when there were any. */
  static Optional<FirmataProtocolConfig> bind(Map<String, Object> config, List<FieldError> errors) {
    int before = errors.size();
    ConfigFields fields = new ConfigFields(config, FirmataProtocolConfig::field, errors);
    fields.rejectUnknown(KEYS);
    Optional<String> port = fields.text("port");
    if (!fields.has("port")) {
      fields.error(
          "port", "required: the board's serial port, e.g. /dev/serial/by-id/usb-Arduino...");
    }
    if (port.isPresent()) {
      try {
        SerialPortIdentity.parse(port.get());
      } catch (IllegalArgumentException e) {
        fields.error("port", e.getMessage());
      }
    }
    int baud = fields.integer("baudRate", 300, 2_000_000).orElse(57_600L).intValue();
    long sampling =
        fields.integer("samplingInterval", 1, 16_383).orElse((long) DEFAULT_SAMPLING_MILLIS);
    long startup = fields.integer("startupTimeout", 100, 600_000).orElse(DEFAULT_STARTUP_MILLIS);
    // the default tolerates 50 missed reports, and never less than 2 s of jitter on a busy gateway
    long maxAge = fields.integer("maxAge", 1, 86_400_000).orElse(Math.max(2000, 50 * sampling));
    int i2cDelay = fields.integer("i2cDelay", 0, 16_383).orElse(0L).intValue();
    if (port.isPresent()) {
      try {
        new SerialSettings(port.get(), baud, 8, SerialSettings.Parity.NONE, 1);
      } catch (IllegalArgumentException e) {
        fields.error("baudRate", e.getMessage());
      }
    }
    if (errors.size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new FirmataProtocolConfig(
            port.orElseThrow(),
            baud,
            Duration.ofMillis(sampling),
            Duration.ofMillis(startup),
            Duration.ofMillis(maxAge),
            i2cDelay));
  }

  /** Firmata runs 8N1 on every board it supports. */
  public SerialSettings serialSettings() {
    return new SerialSettings(port, baudRate, 8, SerialSettings.Parity.NONE, 1);
  }
}
