package io.minicloud.mapper.coap;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.MapperPlugin;
import io.minicloud.mapper.coap.config.CoapDeviceConfig;
import java.time.Clock;

/** CoAP devices (RFC 7252) over UDP and DTLS 1.2, with Observe (RFC 7641) and block-wise. */
public final class CoapDevicePlugin implements MapperPlugin {
  private final Clock clock;

  /** The plugin ServiceLoader makes: system clock. */
  public CoapDevicePlugin() {
    this(Clock.systemUTC());
  }

  /** With a clock of the caller's, for max-age freshness in tests. */
  public CoapDevicePlugin(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String protocol() {
    return "coap";
  }

  @Override
  public DeviceDriver bind(DeviceSpec device) throws ConfigException {
    return new CoapDeviceDriver(CoapDeviceConfig.bind(device), clock);
  }
}
