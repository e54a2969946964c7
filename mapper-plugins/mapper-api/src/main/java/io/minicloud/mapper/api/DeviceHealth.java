package io.minicloud.mapper.api;

import java.util.Locale;

/**
 * What a driver reports about a device. Typed, so the core never compares status strings the way
 * KubeEdge mappers do; {@link #kubeEdgeState()} is the spelling KubeEdge's device status expects.
 */
public enum DeviceHealth {
  /** The device answered its last request. */
  ONLINE("online"),
  /** The device answers, but some requests fail (bad register, CRC errors, timeouts). */
  DEGRADED("unhealthy"),
  /** The device did not answer within its retry budget; its circuit is open. */
  OFFLINE("offline"),
  /** Nothing has been tried yet, or the driver cannot tell. */
  UNKNOWN("unknown");

  private final String kubeEdgeState;

  DeviceHealth(String kubeEdgeState) {
    this.kubeEdgeState = kubeEdgeState;
  }

  public String kubeEdgeState() {
    return kubeEdgeState;
  }

  /** True when the core may publish values read from the device. */
  public boolean reachable() {
    return this == ONLINE || this == DEGRADED;
  }

  /**
   * Parses a KubeEdge device state ({@code online}, {@code ok}, {@code unhealthy}, {@code offline},
   * {@code disconnected}, {@code unknown}), case-insensitively.
   *
   * @throws IllegalArgumentException naming the accepted spellings
   */
  public static DeviceHealth fromKubeEdgeState(String state) {
    if (state == null) {
      throw new IllegalArgumentException("device state is missing");
    }
    return switch (state.trim().toLowerCase(Locale.ROOT)) {
      case "online", "ok" -> ONLINE;
      case "unhealthy" -> DEGRADED;
      case "offline", "disconnected" -> OFFLINE;
      case "unknown", "" -> UNKNOWN;
      default ->
          throw new IllegalArgumentException(
              "unknown device state '"
                  + state
                  + "': expected online, ok, unhealthy, offline, disconnected or unknown");
    };
  }
}
