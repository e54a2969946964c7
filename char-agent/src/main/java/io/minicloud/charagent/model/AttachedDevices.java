package io.minicloud.charagent.model;

import java.util.List;

/** Devices attached to the gateway: candidates for the tether-bridge. */
public record AttachedDevices(List<UsbDevice> usb, List<SerialPort> serialPorts, List<Bus> buses) {

  /** A USB device from /sys/bus/usb/devices (hubs included: they show the topology). */
  public record UsbDevice(
      String busPath,
      String vendorId,
      String productId,
      String manufacturer,
      String product,
      String serial) {}

  /**
   * A serial port; {@code byIdPath} is the stable /dev/serial/by-id name that survives re-plugging,
   * which is what a tethered microcontroller's device file should name.
   */
  public record SerialPort(String device, String byIdPath, String driver) {}

  /** An I2C, SPI or 1-Wire bus. */
  public record Bus(Kind kind, String name, String device) {

    /** Bus kinds. */
    public enum Kind {
      I2C,
      SPI,
      ONE_WIRE
    }
  }
}
