package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.charagent.model.Power;
import io.minicloud.charagent.model.Power.PowerSupply;
import io.minicloud.charagent.model.Power.ThermalZone;
import io.minicloud.charagent.model.Power.Throttling;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerProbeTest {
  @TempDir Path root;
  private final Warnings warnings = new Warnings();

  private Power probe(Path tree) {
    return new PowerProbe(new HostFiles(tree, warnings)).probe();
  }

  private Power probe(String tree) {
    return probe(HostTree.CAPTURED.resolve(tree));
  }

  private void write(String hostPath, String text) throws IOException {
    HostTree.write(root, hostPath, text);
  }

  @Test
  void raspberryPi4UnderVoltageAndThrottlingHaveOccurred() {
    Power power = probe("rpi4b-bookworm64");

    assertEquals(
        List.of(new ThermalZone("thermal_zone0", "cpu-thermal", 48.312)), power.thermalZones());
    assertEquals(
        new Throttling("0x50000", false, false, false, false, true, false, true, false),
        power.throttling());
    assertEquals(List.of(), power.supplies());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void raspberryPi5HasOnlyTheHwmonAlarm() {
    Power power = probe("rpi5");

    assertEquals(ThrottlingDecoder.underVoltageAlarm(false), power.throttling());
    assertNull(power.throttling().raw());
    assertEquals(51.65, power.thermalZones().get(0).celsius());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void raspberryPi3NeverThrottled() {
    Power power = probe("rpi3bplus-armv7l");

    assertEquals(ThrottlingDecoder.decode("0").orElseThrow(), power.throttling());
    assertEquals("0x0", power.throttling().raw());
    assertEquals(54.768, power.thermalZones().get(0).celsius());
  }

  @Test
  void jetsonZonesInNumericOrderAndNoThrottling() {
    Power power = probe("jetson-orin-nano");

    assertEquals(
        List.of("cpu-thermal", "gpu-thermal", "soc0-thermal", "tj-thermal"),
        power.thermalZones().stream().map(ThermalZone::type).toList());
    assertNull(power.throttling());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void miniPcMainsAndAcpiZones() {
    Power power = probe("x86-minipc");

    assertEquals(List.of(new PowerSupply("ACAD", "Mains", true, null, null)), power.supplies());
    assertEquals(
        List.of(
            new ThermalZone("thermal_zone0", "acpitz", 27.8),
            new ThermalZone("thermal_zone1", "INT3400 Thermal", 20.0),
            new ThermalZone("thermal_zone2", "x86_pkg_temp", 45.0)),
        power.thermalZones());
    assertNull(power.throttling());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void batteryAndUsbSupply() throws IOException {
    write("/sys/class/power_supply/BAT0/type", "Battery\n");
    write("/sys/class/power_supply/BAT0/capacity", "87\n");
    write("/sys/class/power_supply/BAT0/status", "Discharging\n");
    write("/sys/class/power_supply/usb/type", "USB\n");
    write("/sys/class/power_supply/usb/online", "0\n");

    assertEquals(
        List.of(
            new PowerSupply("BAT0", "Battery", null, 87, "Discharging"),
            new PowerSupply("usb", "USB", false, null, null)),
        probe(root).supplies());
  }

  @Test
  void throttlingBits() {
    assertEquals(
        new Throttling("0x50005", true, false, true, false, true, false, true, false),
        ThrottlingDecoder.decode("0x50005").orElseThrow());
    assertEquals(
        new Throttling("0x80008", false, false, false, true, false, false, false, true),
        ThrottlingDecoder.decode("throttled=0x80008\n").orElseThrow());
    assertEquals(
        new Throttling("0xf000f", true, true, true, true, true, true, true, true),
        ThrottlingDecoder.decode("F000F").orElseThrow());
    assertEquals(Optional.empty(), ThrottlingDecoder.decode("zz"));
    assertEquals(Optional.empty(), ThrottlingDecoder.decode("0x"));
    assertEquals(Optional.empty(), ThrottlingDecoder.decode("123456789"));
    assertEquals(Optional.empty(), ThrottlingDecoder.decode("-1"));
    assertEquals(Optional.empty(), ThrottlingDecoder.decode("٣"));
  }

  @Test
  void pi5FirmwarePathAndHwmonAlarmRaised() throws IOException {
    write("/sys/class/hwmon/hwmon3/name", "rpi_volt\n");
    write("/sys/class/hwmon/hwmon3/in0_lcrit_alarm", "1\n");
    assertTrue(probe(root).throttling().underVoltageNow());

    write("/sys/devices/platform/soc@107c000000/soc@107c000000:firmware/get_throttled", "20002\n");
    Throttling fromRegister = probe(root).throttling();
    assertEquals("0x20002", fromRegister.raw());
    assertTrue(fromRegister.frequencyCappedNow());
  }

  @Test
  void hostileValuesGiveNullWithWarnings() throws IOException {
    // GIVEN non-numeric, empty, absurd and huge temperatures, a zone with no files,
    // garbage throttling, an impossible capacity and online value
    write("/sys/class/thermal/thermal_zone0/type", "cpu-thermal\n");
    write("/sys/class/thermal/thermal_zone0/temp", "hot\n");
    write("/sys/class/thermal/thermal_zone1/type", "\0\0\0");
    write("/sys/class/thermal/thermal_zone1/temp", "");
    write("/sys/class/thermal/thermal_zone2/type", "x");
    write("/sys/class/thermal/thermal_zone2/temp", "-273150\n");
    write("/sys/class/thermal/thermal_zone3/type", "x");
    write("/sys/class/thermal/thermal_zone3/temp", "4".repeat(HostFiles.MAX_BYTES + 5));
    write("/sys/class/thermal/thermal_zone4/.keep", "");
    write("/sys/class/thermal/cooling_device0/type", "Processor\n");
    write("/sys/devices/platform/soc/soc:firmware/get_throttled", "\0\u00ff\u0001");
    write("/sys/class/power_supply/BAT0/type", "Battery\n");
    write("/sys/class/power_supply/BAT0/capacity", "150\n");
    write("/sys/class/power_supply/BAT0/online", "yes\n");
    // WHEN
    Power power = probe(root);
    // THEN
    assertEquals(5, power.thermalZones().size());
    power.thermalZones().forEach(zone -> assertNull(zone.celsius(), zone.name()));
    assertEquals("unknown", power.thermalZones().get(1).type());
    assertNull(power.throttling());
    assertEquals(new PowerSupply("BAT0", "Battery", null, null, null), power.supplies().get(0));
    // temps: 4 + zone 3's size + zone 1's type + zone 4's type and temp; throttling; capacity;
    // online
    assertEquals(11, warnings.list().size(), warnings.list().toString());
  }

  @Test
  void nothingOnAVirtualMachine() {
    assertEquals(new Power(List.of(), List.of(), null), probe(root));
    assertEquals(List.of(), warnings.list());
  }
}
