package io.minicloud.mapper.coap.config;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.ConfigException.FieldError;
import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.api.PropertySpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A whole CoAP device, bound: where it is, how to authenticate, and every property. */
public record CoapDeviceConfig(
    String device, CoapEndpointSettings endpoint, Map<String, CoapPoint> points) {

  public CoapDeviceConfig {
    points = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(points));
  }

  /**
   * @throws ConfigException listing every invalid field of the device at once
   */
  public static CoapDeviceConfig bind(DeviceSpec spec) throws ConfigException {
    List<FieldError> errors = new ArrayList<>();
    Optional<CoapEndpointSettings> endpoint =
        CoapProtocolConfig.bind(spec.protocolConfig(), errors);
    Map<String, CoapPoint> points = new LinkedHashMap<>();
    for (PropertySpec property : spec.properties()) {
      CoapPointConfig.bind(property, errors).ifPresent(p -> points.put(property.name(), p));
    }
    if (spec.properties().isEmpty()) {
      errors.add(new FieldError("properties", "a device needs at least one property"));
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return new CoapDeviceConfig(spec.name(), endpoint.get(), points);
  }
}
