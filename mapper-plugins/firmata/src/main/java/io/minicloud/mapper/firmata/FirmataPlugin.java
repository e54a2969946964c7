package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.MapperPlugin;
import java.time.Clock;

/** Microcontroller boards running Firmata 2.5 (StandardFirmata on an Uno, Nano, Mega...). */
public final class FirmataPlugin implements MapperPlugin {
  private final Clock clock;

  /** The plugin ServiceLoader makes: system clock. */
  public FirmataPlugin() {
    this(Clock.systemUTC());
  }

  /** With a clock of the caller's, for {@code maxAge} in tests. */
  public FirmataPlugin(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String protocol() {
    return "firmata";
  }

  @Override
  public DeviceDriver bind(DeviceSpec device) throws ConfigException {
    return new FirmataDriver(FirmataDeviceConfig.bind(device), clock);
  }
}
