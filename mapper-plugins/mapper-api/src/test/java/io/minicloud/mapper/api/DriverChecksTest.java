package io.minicloud.mapper.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriverChecksTest {

  @Test
  void aMissingPropertyIsNamedWithTheDeviceAndWhatWasAttempted() {
    Map<String, Integer> points = Map.of("temperature", 1);
    assertEquals(1, DriverChecks.point(points, "uno", "temperature", "read"));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DriverChecks.point(points, "uno", "humidity", "write"));
    assertEquals("cannot write humidity: device uno has no such property", e.getMessage());
  }

  @Test
  void differingLinkSettingsAreRefusedByNameWithTheAdvice() throws DeviceException {
    DriverChecks.sameLinkSettings("a", "mqtt:tcp://b:1883#c", List.of(), "unused");
    DeviceException e =
        assertThrows(
            DeviceException.class,
            () ->
                DriverChecks.sameLinkSettings(
                    "plug2", "mqtt:tcp://b:1883#c", List.of("username", "password"), "fix it"));
    assertEquals(ErrorKind.DEVICE_EXCEPTION, e.kind());
    assertEquals(
        "device plug2 shares link mqtt:tcp://b:1883#c with a device whose username, password"
            + " differ: fix it",
        e.getMessage());
  }
}
