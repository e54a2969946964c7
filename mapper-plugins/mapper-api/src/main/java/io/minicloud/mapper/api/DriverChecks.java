package io.minicloud.mapper.api;

import java.util.List;
import java.util.Map;

/** The two checks every driver makes the same way, with the same words. */
public final class DriverChecks {
  private DriverChecks() {}

  /**
   * The bound point of {@code property}.
   *
   * @param verb what the caller was about to do ("read", "write"), for the message
   * @throws IllegalArgumentException when the device has no such property
   */
  public static <P> P point(Map<String, P> points, String device, String property, String verb) {
    P point = points.get(property);
    if (point == null) {
      throw new IllegalArgumentException(
          "cannot " + verb + " " + property + ": device " + device + " has no such property");
    }
    return point;
  }

  /**
   * Refuses a device attached to a link that another device opened with other settings: its own
   * settings would be silently ignored (another broker client id, other DTLS credentials).
   *
   * @param differences names of the settings that differ (never their values)
   * @param advice what the operator should change
   * @throws DeviceException when {@code differences} is not empty
   */
  public static void sameLinkSettings(
      String device, String linkId, List<String> differences, String advice)
      throws DeviceException {
    if (!differences.isEmpty()) {
      throw new DeviceException(
          ErrorKind.DEVICE_EXCEPTION,
          "device "
              + device
              + " shares link "
              + linkId
              + " with a device whose "
              + String.join(", ", differences)
              + " differ: "
              + advice);
    }
  }
}
