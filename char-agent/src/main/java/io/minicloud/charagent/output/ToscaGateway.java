package io.minicloud.charagent.output;

import static io.minicloud.charagent.output.CharacterizationTosca.nonNull;
import static io.minicloud.charagent.output.ToscaValues.finite;
import static io.minicloud.charagent.output.ToscaValues.hostFrequency;
import static io.minicloud.charagent.output.ToscaValues.mhz;
import static io.minicloud.charagent.output.ToscaValues.size;

import io.minicloud.charagent.model.Board;
import io.minicloud.charagent.model.Characterization;
import io.minicloud.charagent.model.Cpu;
import io.minicloud.charagent.model.Location;
import io.minicloud.charagent.model.Memory;
import io.minicloud.charagent.model.NetworkInterface;
import io.minicloud.charagent.model.Power;
import io.minicloud.charagent.model.Software;
import io.minicloud.charagent.model.Storage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code minicloud.nodes.EdgeGateway} node template: the normative {@code host} and {@code os}
 * capabilities of {@code tosca.nodes.Compute}, then one Minicloud capability per part of the
 * characterization. Property names follow {@code tosca-types.yaml}.
 */
final class ToscaGateway {

  private ToscaGateway() {}

  static ToscaMap template(Characterization c) {
    var template = new ToscaMap();
    template.put("type", "minicloud.nodes.EdgeGateway");
    var properties = new ToscaMap();
    properties.put("node_name", c.node());
    properties.put("schema_version", c.schemaVersion());
    properties.put("collected_at", c.collectedAt() == null ? null : c.collectedAt().toString());
    properties.put("warnings", nonNull(c.warnings()));
    template.put("properties", properties);

    var capabilities = new ToscaMap();
    capability(capabilities, "host", host(c));
    capability(capabilities, "os", os(c.cpu(), c.software()));
    capability(capabilities, "board", board(c.board()));
    capability(capabilities, "processor", processor(c.cpu()));
    capability(capabilities, "memory", memory(c.memory()));
    capability(capabilities, "storage", storage(c.storage()));
    capability(capabilities, "network", network(c.network()));
    capability(capabilities, "power", power(c.power()));
    capability(capabilities, "runtime", runtime(c.software()));
    capability(capabilities, "location", location(c.location()));
    template.put("capabilities", capabilities);
    return template;
  }

  private static void capability(ToscaMap capabilities, String name, ToscaMap properties) {
    if (!properties.isEmpty()) {
      capabilities.put(name, Map.of("properties", properties));
    }
  }

  private static ToscaMap host(Characterization c) {
    var host = new ToscaMap();
    Cpu cpu = c.cpu();
    if (cpu != null) {
      host.put("num_cpus", cpu.cores() != null && cpu.cores() >= 1 ? cpu.cores() : null);
      Cpu.Frequency f = cpu.frequency();
      if (f != null) {
        host.put("cpu_frequency", hostFrequency(f.maxMhz() != null ? f.maxMhz() : f.currentMhz()));
      }
    }
    host.put("disk_size", size(diskSize(c.storage())));
    host.put("mem_size", c.memory() == null ? null : size(c.memory().totalBytes()));
    return host;
  }

  /** disk_size: the root file system, else the sum of the real (not virtual) disks. */
  static Long diskSize(Storage storage) {
    if (storage == null) {
      return null;
    }
    for (Storage.Filesystem fs : nonNull(storage.filesystems())) {
      if ("/".equals(fs.mountPoint()) && fs.sizeBytes() != null) {
        return fs.sizeBytes();
      }
    }
    Long sum = null;
    for (Storage.BlockDevice d : nonNull(storage.devices())) {
      if (d.sizeBytes() != null && d.sizeBytes() >= 0 && d.kind() != Storage.Kind.VIRTUAL) {
        sum = (sum == null ? 0 : sum) + d.sizeBytes();
      }
    }
    return sum;
  }

  private static ToscaMap os(Cpu cpu, Software software) {
    var os = new ToscaMap();
    os.put("architecture", cpu == null ? null : cpu.architecture());
    os.put("type", "linux");
    if (software != null) {
      os.put(
          "distribution",
          software.osId() == null ? null : software.osId().toLowerCase(Locale.ROOT));
      os.put("version", ToscaValues.version(software.osVersion()));
    }
    return os;
  }

  private static ToscaMap board(Board board) {
    var p = new ToscaMap();
    if (board == null) {
      return p;
    }
    p.put("model", board.model());
    p.put("vendor", board.vendor());
    p.put("serial", board.serial());
    p.put("source", board.source());
    Board.RaspberryPi pi = board.raspberryPi();
    if (pi != null) {
      p.put("raspberry_pi_revision_code", pi.revisionCode());
      p.put("raspberry_pi_model", pi.model());
      p.put("raspberry_pi_processor", pi.processor());
      p.put("raspberry_pi_memory", size(pi.memoryBytes()));
      p.put("raspberry_pi_manufacturer", pi.manufacturer());
      p.put("raspberry_pi_board_revision", pi.boardRevision());
    }
    p.put(
        "gpio_chips",
        nonNull(board.gpioChips()).stream()
            .map(
                chip -> {
                  var m = new ToscaMap();
                  m.put("name", chip.name());
                  m.put("label", chip.label());
                  m.put("lines", chip.lines());
                  return m;
                })
            .toList());
    return p;
  }

  private static ToscaMap processor(Cpu cpu) {
    var p = new ToscaMap();
    if (cpu == null) {
      return p;
    }
    p.put("vendor", cpu.vendor());
    p.put("model", cpu.model());
    p.put("bits", cpu.bits() != null && (cpu.bits() == 32 || cpu.bits() == 64) ? cpu.bits() : null);
    p.put("cores", cpu.cores());
    p.put(
        "clusters",
        nonNull(cpu.clusters()).stream()
            .map(
                cluster -> {
                  var m = new ToscaMap();
                  m.put("model", cluster.model());
                  m.put("cpus", cluster.cpus() == null ? null : nonNull(cluster.cpus()));
                  m.put("min_frequency", mhz(cluster.minMhz()));
                  m.put("max_frequency", mhz(cluster.maxMhz()));
                  return m;
                })
            .toList());
    if (cpu.frequency() != null) {
      p.put("min_frequency", mhz(cpu.frequency().minMhz()));
      p.put("max_frequency", mhz(cpu.frequency().maxMhz()));
      p.put("current_frequency", mhz(cpu.frequency().currentMhz()));
    }
    p.put("flags", nonNull(cpu.flags()));
    p.put("virtualization", cpu.virtualization());
    if (cpu.kvm() != null) {
      p.put("kvm_present", cpu.kvm().present());
      p.put("kvm_usable", cpu.kvm().usable());
    }
    p.put("page_size", size(cpu.pageSizeBytes()));
    p.put("gic_version", cpu.gicVersion());
    return p;
  }

  private static ToscaMap memory(Memory memory) {
    var p = new ToscaMap();
    if (memory == null) {
      return p;
    }
    p.put("total", size(memory.totalBytes()));
    p.put("available", size(memory.availableBytes()));
    p.put("swap_total", size(memory.swapTotalBytes()));
    p.put("swap_free", size(memory.swapFreeBytes()));
    p.put(
        "zram",
        nonNull(memory.zram()).stream()
            .map(
                z -> {
                  var m = new ToscaMap();
                  m.put("device", z.device());
                  m.put("disk_size", size(z.diskSizeBytes()));
                  m.put("algorithm", z.algorithm());
                  return m;
                })
            .toList());
    return p;
  }

  private static ToscaMap storage(Storage storage) {
    var p = new ToscaMap();
    if (storage == null) {
      return p;
    }
    p.put(
        "devices",
        nonNull(storage.devices()).stream()
            .map(
                d -> {
                  var m = new ToscaMap();
                  m.put("name", d.name());
                  m.put("kind", d.kind() == null ? null : d.kind().name());
                  m.put("size", size(d.sizeBytes()));
                  m.put("model", d.model());
                  m.put("rotational", d.rotational());
                  m.put("removable", d.removable());
                  return m;
                })
            .toList());
    p.put(
        "filesystems",
        nonNull(storage.filesystems()).stream()
            .map(
                fs -> {
                  var m = new ToscaMap();
                  m.put("mount_point", fs.mountPoint());
                  m.put("device", fs.device());
                  m.put("type", fs.type());
                  m.put("size", size(fs.sizeBytes()));
                  m.put("used", size(fs.usedBytes()));
                  m.put("available", size(fs.availableBytes()));
                  return m;
                })
            .toList());
    return p;
  }

  private static ToscaMap network(List<NetworkInterface> interfaces) {
    var p = new ToscaMap();
    p.put(
        "interfaces",
        nonNull(interfaces).stream()
            .map(
                n -> {
                  var m = new ToscaMap();
                  m.put("name", n.name());
                  m.put("kind", n.kind() == null ? null : n.kind().name());
                  m.put("mac", n.mac());
                  m.put("speed_mbps", n.speedMbps());
                  m.put("oper_state", n.operState());
                  m.put("mtu", n.mtu());
                  m.put("addresses", n.addresses() == null ? null : nonNull(n.addresses()));
                  return m;
                })
            .toList());
    return p;
  }

  private static ToscaMap power(Power power) {
    var p = new ToscaMap();
    if (power == null) {
      return p;
    }
    p.put(
        "supplies",
        nonNull(power.supplies()).stream()
            .map(
                s -> {
                  var m = new ToscaMap();
                  m.put("name", s.name());
                  m.put("type", s.type());
                  m.put("online", s.online());
                  Integer capacity = s.capacityPercent();
                  m.put(
                      "capacity_percent",
                      capacity != null && capacity >= 0 && capacity <= 100 ? capacity : null);
                  m.put("status", s.status());
                  return m;
                })
            .toList());
    List<Power.ThermalZone> zones = nonNull(power.thermalZones());
    p.put(
        "thermal_zones",
        zones.stream()
            .map(
                z -> {
                  var m = new ToscaMap();
                  m.put("name", z.name());
                  m.put("type", z.type());
                  m.put("celsius", finite(z.celsius()));
                  return m;
                })
            .toList());
    p.put(
        "max_celsius",
        zones.stream()
            .map(z -> finite(z.celsius()))
            .filter(Objects::nonNull)
            .max(Double::compare)
            .orElse(null));
    Power.Throttling t = power.throttling();
    if (t != null) {
      p.put("throttling_raw", t.raw());
      p.put("under_voltage_now", t.underVoltageNow());
      p.put("frequency_capped_now", t.frequencyCappedNow());
      p.put("throttled_now", t.throttledNow());
      p.put("soft_temperature_limit_now", t.softTemperatureLimitNow());
      p.put("under_voltage_occurred", t.underVoltageOccurred());
      p.put("frequency_capping_occurred", t.frequencyCappingOccurred());
      p.put("throttling_occurred", t.throttlingOccurred());
      p.put("soft_temperature_limit_occurred", t.softTemperatureLimitOccurred());
    }
    return p;
  }

  private static ToscaMap runtime(Software software) {
    var p = new ToscaMap();
    if (software == null) {
      return p;
    }
    p.put("os_name", software.osName());
    p.put("os_version_id", software.osVersion());
    p.put("os_codename", software.osCodename());
    p.put("kernel_release", software.kernelRelease());
    p.put("container_runtimes", nonNull(software.containerRuntimes()));
    p.put("k3s_role", software.k3sRole());
    return p;
  }

  private static ToscaMap location(Location location) {
    var p = new ToscaMap();
    if (location == null) {
      return p;
    }
    p.put("continent", location.continent());
    p.put("country", location.country());
    p.put("city", location.city());
    Double lat = finite(location.latitude());
    Double lon = finite(location.longitude());
    p.put("latitude", lat != null && Math.abs(lat) <= 90 ? lat : null);
    p.put("longitude", lon != null && Math.abs(lon) <= 180 ? lon : null);
    return p;
  }
}
