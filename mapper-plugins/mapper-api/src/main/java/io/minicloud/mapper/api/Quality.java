package io.minicloud.mapper.api;

/** How far a published value can be trusted; travels with the value to the northbound payload. */
public enum Quality {
  /** Read from the device just now and passed every check. */
  GOOD,
  /** Stale or substituted (last known value while the device is degraded). */
  UNCERTAIN,
  /** Not a usable reading (read failed, rejected by a transform). */
  BAD
}
