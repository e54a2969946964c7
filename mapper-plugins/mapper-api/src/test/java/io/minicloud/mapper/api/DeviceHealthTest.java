package io.minicloud.mapper.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class DeviceHealthTest {

  @ParameterizedTest
  @CsvSource({
    "online, ONLINE",
    "OK, ONLINE",
    "unhealthy, DEGRADED",
    " Offline , OFFLINE",
    "disconnected, OFFLINE",
    "unknown, UNKNOWN"
  })
  void parsesKubeEdgeStates(String state, DeviceHealth expected) {
    assertEquals(expected, DeviceHealth.fromKubeEdgeState(state));
  }

  @ParameterizedTest
  @EnumSource(DeviceHealth.class)
  void everyHealthRoundTripsThroughItsKubeEdgeSpelling(DeviceHealth health) {
    assertEquals(health, DeviceHealth.fromKubeEdgeState(health.kubeEdgeState()));
  }

  @Test
  void rejectsUnknownStatesNamingTheValue() {
    var error =
        assertThrows(IllegalArgumentException.class, () -> DeviceHealth.fromKubeEdgeState("fine"));
    assertTrue(error.getMessage().contains("'fine'"), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DeviceHealth.fromKubeEdgeState(null));
  }

  @Test
  void onlyOnlineAndDegradedDevicesAreReachable() {
    assertTrue(DeviceHealth.ONLINE.reachable());
    assertTrue(DeviceHealth.DEGRADED.reachable());
    assertFalse(DeviceHealth.OFFLINE.reachable());
    assertFalse(DeviceHealth.UNKNOWN.reachable());
  }
}
