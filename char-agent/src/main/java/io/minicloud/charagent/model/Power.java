package io.minicloud.charagent.model;

import java.util.List;

/** Supplies, batteries, temperatures and the Raspberry Pi firmware's throttling flags. */
public record Power(
    List<PowerSupply> supplies, List<ThermalZone> thermalZones, Throttling throttling) {

  /** One entry of /sys/class/power_supply. */
  public record PowerSupply(
      String name, String type, Boolean online, Integer capacityPercent, String status) {}

  /** One thermal zone, in degrees Celsius. */
  public record ThermalZone(String name, String type, Double celsius) {}

  /**
   * The Pi firmware's get_throttled bits: what is true now, and what has happened since boot.
   *
   * @param raw the register as the firmware reports it ("0x50005")
   */
  public record Throttling(
      String raw,
      boolean underVoltageNow,
      boolean frequencyCappedNow,
      boolean throttledNow,
      boolean softTemperatureLimitNow,
      boolean underVoltageOccurred,
      boolean frequencyCappingOccurred,
      boolean throttlingOccurred,
      boolean softTemperatureLimitOccurred) {}
}
