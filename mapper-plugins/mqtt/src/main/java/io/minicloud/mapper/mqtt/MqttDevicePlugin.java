package io.minicloud.mapper.mqtt;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.MapperPlugin;
import java.time.Clock;

/** Devices that publish JSON on their own MQTT topics (Shelly, Tasmota, ESP32 sensors). */
public final class MqttDevicePlugin implements MapperPlugin {
  private final Clock clock;

  /** The plugin ServiceLoader makes: system clock. */
  public MqttDevicePlugin() {
    this(Clock.systemUTC());
  }

  /** With a clock of the caller's, for {@code maxAge} in tests. */
  public MqttDevicePlugin(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String protocol() {
    return "mqtt";
  }

  @Override
  public DeviceDriver bind(DeviceSpec device) throws ConfigException {
    return new MqttDeviceDriver(MqttDeviceConfig.bind(device), clock);
  }
}
