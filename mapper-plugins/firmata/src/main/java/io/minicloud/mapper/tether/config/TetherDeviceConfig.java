package io.minicloud.mapper.tether.config;

import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.LinkPolicy;
import io.minicloud.mapper.api.config.ConfigFields;
import io.minicloud.mapper.api.transport.SerialConnection;
import io.minicloud.mapper.api.transport.SerialPortIdentity;
import io.minicloud.mapper.api.transport.SerialSettings;
import io.minicloud.mapper.tether.RetryPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tether v1 device's connection settings ({@code spec.protocol.configData}), typed.
 *
 * @param port the serial device, as given ({@code /dev/ttyACM0}, {@code /dev/serial/by-id/...});
 *     resolved and locked by mapper-api's {@code SerialConnection}
 * @param failSafeTimeout how long the host may fall silent before the MCU drives every output to
 *     its safe value; the host heartbeats at a quarter of it
 */
public record TetherDeviceConfig(
    String port, int baudRate, Duration failSafeTimeout, RetryPolicy retry) {
  static final String PREFIX = "protocol.configData.";
  public static final List<String> KEYS =
      List.of("port", "baudRate", "failSafeTimeout", "retries", "responseTimeout");

  /** The one place the port becomes serial settings: 8N1, as the firmware runs its UART. */
  public SerialSettings serial() {
    return new SerialSettings(port, baudRate, 8, SerialSettings.Parity.NONE, 1);
  }

  public String linkId() {
    return SerialConnection.linkId(serial());
  }

  /**
   * The core's timeout for a whole read or write: every attempt of one request, plus a full
   * re-configuration after a reset (HELLO, pins, heartbeat, outputs), with room to spare.
   */
  public LinkPolicy policy() {
    return new LinkPolicy(1, Duration.ZERO, retry.worstCase().multipliedBy(8));
  }

  public static TetherDeviceConfig bind(Map<String, ?> configData, List<FieldError> errors) {
    ConfigFields f =
        new ConfigFields(
            new LinkedHashMap<String, Object>(configData), key -> PREFIX + key, errors);
    f.rejectUnknown(Set.copyOf(KEYS));
    String port = f.text("port").orElse(null);
    if (port == null && !f.has("port")) {
      f.error("port", "missing: the MCU's serial port, e.g. /dev/serial/by-id/usb-Arduino...");
    }
    if (port != null) {
      try {
        SerialPortIdentity.parse(port);
      } catch (IllegalArgumentException e) {
        f.error("port", e.getMessage());
      }
    }
    int baud = f.integer("baudRate", 50, 4_000_000).orElse(115_200L).intValue();
    // 20 ms is the firmware's floor; 65535 ms is what its 16-bit field holds
    Optional<Integer> failSafe = f.integer("failSafeTimeout", 20, 65535).map(Long::intValue);
    int retries = f.integer("retries", 0, 20).orElse(3L).intValue();
    Optional<Integer> responseTimeout =
        f.integer("responseTimeout", 10, 10_000).map(Long::intValue);
    int fs = failSafe.orElse(1000);
    int rt = responseTimeout.orElse(250);
    if ((failSafe.isPresent() || responseTimeout.isPresent()) && fs < 4L * rt) {
      // heartbeats go out every fs/4; a lost one must be retried (rt later) before fs runs out
      f.error(
          "failSafeTimeout",
          fs
              + " ms leaves no room for a retried heartbeat: use at least 4 x responseTimeout ("
              + 4L * rt
              + " ms)");
    }
    return new TetherDeviceConfig(
        port == null ? "" : port,
        baud,
        Duration.ofMillis(fs),
        new RetryPolicy(retries, Duration.ofMillis(rt)));
  }
}
