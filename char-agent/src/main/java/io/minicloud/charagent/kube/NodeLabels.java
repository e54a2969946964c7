package io.minicloud.charagent.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.charagent.model.Accelerator;
import io.minicloud.charagent.model.Characterization;
import io.minicloud.charagent.model.Cpu;
import io.minicloud.charagent.model.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The labels and annotations the char-agent puts on its own Node, computed from a characterization.
 * Labels carry short, selectable facts (VIM placement uses them); anything long or free-form goes
 * into the {@value #SUMMARY} annotation. Values are stable between runs (no timestamps,
 * temperatures or free memory), so an unchanged gateway causes no API writes.
 *
 * @param labels label key to a valid label value
 * @param annotations annotation key to value
 */
public record NodeLabels(Map<String, String> labels, Map<String, String> annotations) {

  public static final String PREFIX = "minicloud.io/";
  public static final String ARCH = PREFIX + "arch";
  public static final String BOARD = PREFIX + "board";
  public static final String CPU_MODEL = PREFIX + "cpu-model";
  public static final String CPU_CORES = PREFIX + "cpu-cores";
  public static final String MEMORY = PREFIX + "memory";
  public static final String MEMORY_MIB = PREFIX + "memory-mib";
  public static final String PAGE_SIZE = PREFIX + "page-size";
  public static final String KVM = PREFIX + "kvm";
  public static final String VIRTUALIZATION = PREFIX + "virtualization";
  public static final String GPU = PREFIX + "gpu";
  public static final String ACCELERATOR = PREFIX + "accelerator";
  public static final String SERIAL_DEVICES = PREFIX + "serial-devices";
  public static final String OS = PREFIX + "os";
  public static final String COUNTRY = PREFIX + "country";
  public static final String CITY = PREFIX + "city";

  /** A JSON object with the facts too long or too free-form for label values. */
  public static final String SUMMARY = PREFIX + "characterization-summary";

  /** Every key this version can write: what the labeler may remove when it is not wanted now. */
  public static final Set<String> OWNED_KEYS =
      Set.of(
          ARCH,
          BOARD,
          CPU_MODEL,
          CPU_CORES,
          MEMORY,
          MEMORY_MIB,
          PAGE_SIZE,
          KVM,
          VIRTUALIZATION,
          GPU,
          ACCELERATOR,
          SERIAL_DEVICES,
          OS,
          COUNTRY,
          CITY,
          SUMMARY);

  static final String NONE = "none";
  static final String UNKNOWN = Characterization.UNKNOWN;
  static final int MAX_SUMMARY_STRING = 256;
  static final int MAX_VALUE = 63;
  static final int MAX_SUMMARY_ENTRIES = 32;

  private static final Pattern VALID_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
  private static final ObjectMapper JSON = new ObjectMapper();

  public NodeLabels {
    labels = Map.copyOf(labels);
    annotations = Map.copyOf(annotations);
  }

  public static NodeLabels from(Characterization c) {
    Map<String, String> labels = new TreeMap<>();
    Cpu cpu = c.cpu();
    labels.put(ARCH, value(cpu == null ? null : cpu.architecture()));
    labels.put(BOARD, value(c.board() == null ? null : c.board().model()));
    labels.put(CPU_MODEL, value(cpu == null ? null : cpu.model()));
    labels.put(CPU_CORES, cpu == null || cpu.cores() == null ? UNKNOWN : cpu.cores().toString());
    Long memory = c.memory() == null ? null : c.memory().totalBytes();
    labels.put(MEMORY, memory == null ? UNKNOWN : (memory >> 20) + "Mi");
    labels.put(MEMORY_MIB, memory == null ? UNKNOWN : Long.toString(memory >> 20));
    labels.put(PAGE_SIZE, pageSize(cpu == null ? null : cpu.pageSizeBytes()));
    labels.put(KVM, Boolean.toString(cpu != null && cpu.kvm() != null && cpu.kvm().usable()));
    labels.put(VIRTUALIZATION, Boolean.toString(cpu != null && cpu.virtualization()));
    List<Accelerator> accelerators = nonNull(c.accelerators());
    labels.put(GPU, gpu(accelerators));
    labels.put(ACCELERATOR, accelerator(accelerators));
    int serial = c.devices() == null ? 0 : nonNull(c.devices().serialPorts()).size();
    labels.put(SERIAL_DEVICES, Integer.toString(serial));
    if (c.software() != null && !UNKNOWN.equals(value(c.software().osId()))) {
      String version = c.software().osVersion();
      labels.put(
          OS,
          value(
              c.software().osId()
                  + (version == null || UNKNOWN.equals(version) ? "" : "-" + version)));
    }
    Location location = c.location();
    if (location != null && location.country() != null) {
      labels.put(COUNTRY, value(location.country()));
    }
    if (location != null && location.city() != null) {
      labels.put(CITY, value(location.city()));
    }
    return new NodeLabels(labels, Map.of(SUMMARY, summary(c)));
  }

  /**
   * A valid label value for any text: runs of characters outside {@code [-A-Za-z0-9_.]} become one
   * '-', the ends are trimmed to alphanumerics, at most 63 characters; "unknown" when nothing is
   * left.
   */
  public static String value(String text) {
    if (text == null) {
      return UNKNOWN;
    }
    String v = text.strip().replaceAll("[^-A-Za-z0-9_.]+", "-");
    if (v.length() > MAX_VALUE) {
      v = v.substring(0, MAX_VALUE);
    }
    v = v.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
    return v.isEmpty() ? UNKNOWN : v;
  }

  /** Whether Kubernetes accepts the text as a label value. */
  public static boolean isValidValue(String text) {
    return text != null && text.length() <= MAX_VALUE && VALID_VALUE.matcher(text).matches();
  }

  static String pageSize(Long bytes) {
    if (bytes == null || bytes <= 0) {
      return UNKNOWN;
    }
    if (bytes % (1 << 20) == 0) {
      return (bytes >> 20) + "Mi";
    }
    return bytes % 1024 == 0 ? (bytes >> 10) + "Ki" : bytes.toString();
  }

  /** The first GPU's driver (v3d, i915, nvidia...), or "none". */
  static String gpu(List<Accelerator> accelerators) {
    return accelerators.stream()
        .filter(a -> a.kind() == Accelerator.Kind.GPU)
        .findFirst()
        .map(a -> value(a.driver()))
        .orElse(NONE);
  }

  /** The first NPU or TPU as {@code <kind>-<family>}: tpu-coral, npu-hailo, npu-rockchip... */
  static String accelerator(List<Accelerator> accelerators) {
    return accelerators.stream()
        .filter(a -> a.kind() == Accelerator.Kind.NPU || a.kind() == Accelerator.Kind.TPU)
        .findFirst()
        .map(a -> value(a.kind().name().toLowerCase(Locale.ROOT) + "-" + family(a)))
        .orElse(NONE);
  }

  private static String family(Accelerator a) {
    String driver = a.driver() == null ? "" : a.driver().toLowerCase(Locale.ROOT);
    String name = a.name() == null ? "" : a.name().toLowerCase(Locale.ROOT);
    if (driver.equals("apex") || name.startsWith("apex")) {
      return "coral";
    }
    if (driver.startsWith("hailo") || name.startsWith("hailo")) {
      return "hailo";
    }
    if (driver.equals("rknpu") || name.startsWith("rknpu")) {
      return "rockchip";
    }
    return driver.isEmpty() || driver.equals(UNKNOWN) ? name : driver;
  }

  /** Stable, bounded facts as compact JSON: who the board is and what a workload can use. */
  static String summary(Characterization c) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("schemaVersion", c.schemaVersion());
    summary.put("board", c.board() == null ? null : clip(c.board().model()));
    Cpu cpu = c.cpu();
    if (cpu != null) {
      Map<String, Object> cpuSummary = new LinkedHashMap<>();
      cpuSummary.put("architecture", clip(cpu.architecture()));
      cpuSummary.put("model", clip(cpu.model()));
      cpuSummary.put("cores", cpu.cores());
      cpuSummary.put("maxMhz", cpu.frequency() == null ? null : cpu.frequency().maxMhz());
      cpuSummary.put("flags", clip(nonNull(cpu.flags())));
      summary.put("cpu", cpuSummary);
    }
    summary.put("memoryBytes", c.memory() == null ? null : c.memory().totalBytes());
    List<Map<String, Object>> accelerators = new ArrayList<>();
    for (Accelerator a : bounded(nonNull(c.accelerators()))) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", a.kind());
      m.put("name", clip(a.name()));
      m.put("driver", clip(a.driver()));
      m.put("devices", clip(nonNull(a.devices())));
      accelerators.add(m);
    }
    summary.put("accelerators", accelerators);
    List<Map<String, Object>> serialPorts = new ArrayList<>();
    if (c.devices() != null) {
      for (var port : bounded(nonNull(c.devices().serialPorts()))) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", clip(port.device()));
        m.put("byIdPath", clip(port.byIdPath()));
        serialPorts.add(m);
      }
    }
    summary.put("serialPorts", serialPorts);
    try {
      return JSON.writeValueAsString(summary);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the node summary", e);
    }
  }

  /** Annotations are limited (256 KiB in all): a hostile string must not fill them. */
  private static String clip(String text) {
    return text == null || text.length() <= MAX_SUMMARY_STRING
        ? text
        : text.substring(0, MAX_SUMMARY_STRING) + "...";
  }

  private static List<String> clip(List<String> texts) {
    return bounded(texts).stream().map(NodeLabels::clip).toList();
  }

  private static <T> List<T> bounded(List<T> list) {
    return list.size() <= MAX_SUMMARY_ENTRIES ? list : list.subList(0, MAX_SUMMARY_ENTRIES);
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}
