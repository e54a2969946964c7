package io.minicloud.charagent.probe;

import io.minicloud.charagent.model.Characterization;
import io.minicloud.charagent.model.Power;
import io.minicloud.charagent.model.Power.PowerSupply;
import io.minicloud.charagent.model.Power.ThermalZone;
import io.minicloud.charagent.model.Power.Throttling;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Supplies from {@code /sys/class/power_supply}, thermal zones from {@code /sys/class/thermal}
 * (millidegrees) and the Raspberry Pi's throttling flags.
 *
 * <p>Throttling comes from the firmware driver's {@code get_throttled} file, at {@code
 * /sys/devices/platform/soc/soc:firmware/get_throttled} on Pi 0–4 kernels (added to the Raspberry
 * Pi kernel in 2018, raspberrypi/linux#2397) or under the Pi 5's {@code soc@107c000000} node where
 * a kernel has it. Recent Pi 5 kernels have no {@code get_throttled} at all and some deprecate it;
 * there the under-voltage alarm of the {@code rpi_volt} hwmon device ({@code in0_lcrit_alarm}) is
 * the only source, found by name because hwmon numbers change between boots. With neither, the
 * board is not a Pi (or runs a kernel without the firmware driver): throttling is null and no
 * warning is given. Missing power_supply and thermal classes are normal too (VMs, containers).
 */
public final class PowerProbe {
  static final List<String> GET_THROTTLED =
      List.of(
          "/sys/devices/platform/soc/soc:firmware/get_throttled",
          "/sys/devices/platform/soc@107c000000/soc@107c000000:firmware/get_throttled");

  private final HostFiles files;

  public PowerProbe(HostFiles files) {
    this.files = files;
  }

  public Power probe() {
    return new Power(supplies(), thermalZones(), throttling());
  }

  private List<PowerSupply> supplies() {
    List<PowerSupply> supplies = new ArrayList<>();
    for (String name : files.list("/sys/class/power_supply")) {
      String dir = "/sys/class/power_supply/" + name;
      Integer capacity = bounded(dir + "/capacity", 0, 100);
      supplies.add(
          new PowerSupply(
              name,
              files.required(dir + "/type", "supply type").orElse(Characterization.UNKNOWN),
              online(dir + "/online"),
              capacity,
              files.text(dir + "/status").map(HostFiles::abbreviate).orElse(null)));
    }
    return supplies;
  }

  private Boolean online(String hostPath) {
    Optional<String> text = files.text(hostPath);
    if (text.isEmpty()) {
      return null;
    }
    return switch (text.get()) {
      case "0" -> false;
      case "1", "2" -> true; // 2: USB-PD online with a programmable supply
      default -> {
        files.warnings().add(hostPath + ": not 0 or 1: '" + HostFiles.abbreviate(text.get()) + "'");
        yield null;
      }
    };
  }

  private Integer bounded(String hostPath, long min, long max) {
    Optional<Long> value = files.number(hostPath);
    if (value.isEmpty()) {
      return null;
    }
    if (value.get() < min || value.get() > max) {
      files.warnings().add(hostPath + ": out of range: " + value.get());
      return null;
    }
    return value.get().intValue();
  }

  private List<ThermalZone> thermalZones() {
    List<ThermalZone> zones = new ArrayList<>();
    List<String> names =
        files.list("/sys/class/thermal").stream()
            .filter(n -> n.matches("thermal_zone\\d{1,6}"))
            .sorted(Comparator.comparingInt(n -> Integer.parseInt(n.substring(12))))
            .toList();
    for (String name : names) {
      String dir = "/sys/class/thermal/" + name;
      String type =
          files
              .required(dir + "/type", "zone type")
              .map(HostFiles::abbreviate)
              .orElse(Characterization.UNKNOWN);
      zones.add(new ThermalZone(name, type, celsius(dir + "/temp")));
    }
    return zones;
  }

  private Double celsius(String hostPath) {
    Optional<String> text = files.required(hostPath, "temperature");
    if (text.isEmpty()) {
      return null;
    }
    try {
      long milli = Long.parseLong(text.get());
      // At or below absolute zero is a driver's "no reading", not a temperature.
      if (milli > -273_150 && milli < 1_000_000) {
        return milli / 1000.0;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    files
        .warnings()
        .add(hostPath + ": not a temperature: '" + HostFiles.abbreviate(text.get()) + "'");
    return null;
  }

  private Throttling throttling() {
    for (String path : GET_THROTTLED) {
      Optional<String> text = files.text(path);
      if (text.isPresent()) {
        Optional<Throttling> decoded = ThrottlingDecoder.decode(text.get());
        if (decoded.isEmpty()) {
          files
              .warnings()
              .add(
                  path + ": not a throttling register: '" + HostFiles.abbreviate(text.get()) + "'");
        }
        return decoded.orElse(null);
      }
    }
    for (String hwmon : files.list("/sys/class/hwmon")) {
      String dir = "/sys/class/hwmon/" + hwmon;
      if (files.text(dir + "/name").filter("rpi_volt"::equals).isPresent()) {
        Optional<Long> alarm = files.number(dir + "/in0_lcrit_alarm");
        return alarm.map(a -> ThrottlingDecoder.underVoltageAlarm(a != 0)).orElse(null);
      }
    }
    return null;
  }
}
