package io.minicloud.charagent.model;

import java.util.List;

/**
 * The board: from the device tree on ARM, from DMI on x86.
 *
 * @param model the device-tree model or DMI product ("Raspberry Pi 4 Model B Rev 1.4")
 * @param vendor the manufacturer (Sony UK, Embest... for a Pi; DMI sys_vendor on x86)
 * @param serial the board serial, or "unknown" (DMI serials need root: not read)
 * @param source where the facts came from: device-tree, dmi or unknown
 * @param raspberryPi the decoded revision code, when this is a Raspberry Pi
 * @param gpioChips GPIO chips (gpiochip0 ...) with their labels, from /sys/bus/gpio
 */
public record Board(
    String model,
    String vendor,
    String serial,
    String source,
    RaspberryPi raspberryPi,
    List<GpioChip> gpioChips) {

  /** A decoded new-style Raspberry Pi revision code ({@code Revision : c03114}). */
  public record RaspberryPi(
      String revisionCode,
      String model,
      String processor,
      Long memoryBytes,
      String manufacturer,
      String boardRevision) {}

  /** One GPIO controller. */
  public record GpioChip(String name, String label, Integer lines) {}
}
