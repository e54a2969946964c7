package io.minicloud.charagent.wiring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.minicloud.charagent.Characterizer;
import io.minicloud.charagent.model.Characterization;
import io.minicloud.charagent.model.Power;
import io.minicloud.charagent.model.Storage;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Node gauges from the last characterization ({@code minicloud_char_*}). Tags are bounded: at most
 * {@value #MAX_ROWS} disks, mounts and thermal zones, so a hostile host cannot blow up the scrape.
 * Unknown values are NaN (the gauge exists, the value says "unknown").
 */
@Singleton
public class CharacterizationMetrics {

  static final int MAX_ROWS = 32;

  private final AtomicReference<Characterization> last = new AtomicReference<>();
  private final Timer duration;
  private final Counter labelErrors;
  private final MultiGauge diskSize;
  private final MultiGauge filesystemUsed;
  private final MultiGauge temperature;
  private final MultiGauge throttled;

  public CharacterizationMetrics(MeterRegistry registry) {
    gauge(
        registry,
        "minicloud_char_memory_total_bytes",
        "Total memory (MemTotal)",
        c -> c.memory() == null ? null : c.memory().totalBytes());
    gauge(
        registry,
        "minicloud_char_memory_available_bytes",
        "Available memory (MemAvailable)",
        c -> c.memory() == null ? null : c.memory().availableBytes());
    gauge(
        registry,
        "minicloud_char_warnings",
        "Warnings in the last characterization",
        c -> c.warnings() == null ? 0 : c.warnings().size());
    duration =
        Timer.builder("minicloud_char_characterization_duration")
            .description("Time one characterization of the host takes")
            .register(registry);
    labelErrors =
        Counter.builder("minicloud_char_label_errors")
            .description("Failed attempts to label this gateway's Kubernetes node")
            .register(registry);
    diskSize =
        MultiGauge.builder("minicloud_char_disk_size_bytes")
            .description("Size of each whole disk")
            .register(registry);
    filesystemUsed =
        MultiGauge.builder("minicloud_char_filesystem_used_bytes")
            .description("Used space of each mounted file system")
            .register(registry);
    temperature =
        MultiGauge.builder("minicloud_char_temperature_celsius")
            .description("Temperature of each thermal zone")
            .register(registry);
    throttled =
        MultiGauge.builder("minicloud_char_throttled")
            .description("Raspberry Pi firmware throttling flags (1 = set)")
            .register(registry);
  }

  /** Records a characterization: its duration, and the values the gauges now report. */
  public void record(Characterizer.Run run) {
    duration.record(run.duration());
    Characterization c = run.characterization();
    last.set(c);
    diskSize.register(
        rows(disks(c), Storage.BlockDevice::name, d -> d.sizeBytes(), "device"), true);
    filesystemUsed.register(
        rows(filesystems(c), Storage.Filesystem::mountPoint, f -> f.usedBytes(), "mount"), true);
    temperature.register(rows(zones(c), Power.ThermalZone::name, z -> z.celsius(), "zone"), true);
    throttled.register(throttlingRows(c.power() == null ? null : c.power().throttling()), true);
  }

  public void labelError() {
    labelErrors.increment();
  }

  private void gauge(
      MeterRegistry registry, String name, String help, Function<Characterization, Number> value) {
    ToDoubleFunction<AtomicReference<Characterization>> read =
        ref -> {
          Characterization c = ref.get();
          Number n = c == null ? null : value.apply(c);
          return n == null ? Double.NaN : n.doubleValue();
        };
    Gauge.builder(name, last, read).description(help).strongReference(true).register(registry);
  }

  private static <T> List<MultiGauge.Row<?>> rows(
      List<T> items, Function<T, String> tag, Function<T, Number> value, String tagName) {
    Map<String, Number> byTag = new LinkedHashMap<>();
    for (T item : items) {
      String key = tag.apply(item);
      Number n = value.apply(item);
      if (key != null && n != null && byTag.size() < MAX_ROWS) {
        byTag.putIfAbsent(key, n);
      }
    }
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    byTag.forEach((key, n) -> rows.add(MultiGauge.Row.of(Tags.of(tagName, key), n)));
    return rows;
  }

  private static List<MultiGauge.Row<?>> throttlingRows(Power.Throttling t) {
    if (t == null) {
      return List.of();
    }
    Map<String, Boolean> flags = new LinkedHashMap<>();
    flags.put("under_voltage_now", t.underVoltageNow());
    flags.put("frequency_capped_now", t.frequencyCappedNow());
    flags.put("throttled_now", t.throttledNow());
    flags.put("soft_temperature_limit_now", t.softTemperatureLimitNow());
    flags.put("under_voltage_occurred", t.underVoltageOccurred());
    flags.put("frequency_capping_occurred", t.frequencyCappingOccurred());
    flags.put("throttling_occurred", t.throttlingOccurred());
    flags.put("soft_temperature_limit_occurred", t.softTemperatureLimitOccurred());
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    flags.forEach((flag, set) -> rows.add(MultiGauge.Row.of(Tags.of("flag", flag), set ? 1 : 0)));
    return rows;
  }

  private static List<Storage.BlockDevice> disks(Characterization c) {
    return c.storage() == null ? List.of() : nonNull(c.storage().devices());
  }

  private static List<Storage.Filesystem> filesystems(Characterization c) {
    return c.storage() == null ? List.of() : nonNull(c.storage().filesystems());
  }

  private static List<Power.ThermalZone> zones(Characterization c) {
    return c.power() == null ? List.of() : nonNull(c.power().thermalZones());
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}
