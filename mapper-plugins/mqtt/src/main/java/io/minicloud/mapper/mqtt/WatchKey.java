package io.minicloud.mapper.mqtt;

import java.util.Objects;

/** One property of one device, as a connection shared by several devices tells them apart. */
public record WatchKey(String device, String property) {
  public WatchKey {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(property, "property");
  }

  @Override
  public String toString() {
    return device + "/" + property;
  }
}
