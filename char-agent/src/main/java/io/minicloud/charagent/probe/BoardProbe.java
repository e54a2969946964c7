package io.minicloud.charagent.probe;

import io.minicloud.charagent.model.Board;
import io.minicloud.charagent.model.Characterization;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The board: from the device tree on ARM ({@code model}, {@code compatible}, {@code
 * serial-number}), with a Raspberry Pi's revision code from /proc/cpuinfo decoded; from DMI on x86.
 * {@code /proc/device-tree} is normally a link to {@code /sys/firmware/devicetree/base}; both are
 * tried, because containers and captured trees do not always keep the link.
 */
public final class BoardProbe {
  static final List<String> DEVICE_TREES =
      List.of("/proc/device-tree", "/sys/firmware/devicetree/base");

  /** Board makers by their device-tree compatible prefix; others are shown as the prefix. */
  private static final Map<String, String> MAKERS =
      Map.of(
          "raspberrypi", "Raspberry Pi Ltd",
          "nvidia", "NVIDIA",
          "rockchip", "Rockchip",
          "radxa", "Radxa",
          "hardkernel", "Hardkernel",
          "pine64", "Pine64",
          "xunlong", "Xunlong",
          "friendlyarm", "FriendlyElec",
          "ti", "Texas Instruments",
          "fsl", "NXP");

  private final HostFiles files;

  public BoardProbe(HostFiles files) {
    this.files = files;
  }

  public Board probe() {
    List<Board.GpioChip> gpio = new BoardGpioChips(files).probe();
    Optional<String> model = deviceTree("model");
    List<String> compatible =
        deviceTree("compatible").map(c -> Arrays.asList(c.split("\\s+"))).orElse(List.of());
    if (model.isPresent() || !compatible.isEmpty()) {
      return fromDeviceTree(model, compatible, gpio);
    }
    DmiBoard dmi = DmiBoard.read(files);
    if (dmi.present()) {
      // DMI serials are readable by root only: never read, so no warning either.
      return new Board(
          dmi.product().orElse(Characterization.UNKNOWN),
          dmi.vendor().orElse(Characterization.UNKNOWN),
          Characterization.UNKNOWN,
          "dmi",
          null,
          gpio);
    }
    Board fromCpuinfo = raspberryPiFromCpuinfo(gpio);
    if (fromCpuinfo != null) {
      return fromCpuinfo;
    }
    files.warnings().add("no device tree and no " + DmiBoard.DIR + ": board unknown");
    return new Board(
        Characterization.UNKNOWN,
        Characterization.UNKNOWN,
        Characterization.UNKNOWN,
        Characterization.UNKNOWN,
        null,
        gpio);
  }

  private Board fromDeviceTree(
      Optional<String> model, List<String> compatible, List<Board.GpioChip> gpio) {
    CpuInfo cpuinfo = CpuInfo.parse(files.lines(CpuProbe.CPUINFO));
    Optional<String> cpuinfoModel = cpuinfo.boardField("Model").filter(BoardProbe::isText);
    boolean pi =
        compatible.stream().anyMatch(c -> c.startsWith("raspberrypi,"))
            || model.or(() -> cpuinfoModel).filter(m -> m.startsWith("Raspberry Pi")).isPresent();
    Board.RaspberryPi revision = pi ? raspberryPi(cpuinfo) : null;
    Optional<String> serial =
        deviceTree("serial-number")
            .or(() -> cpuinfo.boardField("Serial").filter(BoardProbe::isText));
    if (serial.isEmpty()) {
      files.warnings().add("device tree: no serial-number, board serial unknown");
    }
    String vendor =
        revision != null && !revision.manufacturer().equals(Characterization.UNKNOWN)
            ? revision.manufacturer()
            : compatible.stream()
                .filter(c -> c.contains(","))
                .findFirst()
                .map(c -> c.substring(0, c.indexOf(',')))
                .map(make -> MAKERS.getOrDefault(make, make))
                .orElse(Characterization.UNKNOWN);
    String name =
        model
            .or(() -> cpuinfoModel)
            .or(() -> Optional.ofNullable(revision).map(Board.RaspberryPi::model))
            .orElse(Characterization.UNKNOWN);
    if (model.isEmpty()) {
      files.warnings().add("device tree: no model");
    }
    return new Board(
        name, vendor, serial.orElse(Characterization.UNKNOWN), "device-tree", revision, gpio);
  }

  /**
   * A Pi seen only through /proc/cpuinfo (a container without /sys/firmware): its {@code Model},
   * {@code Serial} and {@code Revision} lines, which the Pi kernel copies from the device tree. The
   * schema has no "cpuinfo" source, so the source stays unknown.
   */
  private Board raspberryPiFromCpuinfo(List<Board.GpioChip> gpio) {
    CpuInfo cpuinfo = CpuInfo.parse(files.lines(CpuProbe.CPUINFO));
    Optional<String> model = cpuinfo.boardField("Model").filter(BoardProbe::isText);
    if (model.filter(m -> m.startsWith("Raspberry Pi")).isEmpty()) {
      return null;
    }
    files.warnings().add("no device tree: board from " + CpuProbe.CPUINFO + " only");
    Board.RaspberryPi revision = raspberryPi(cpuinfo);
    return new Board(
        model.get(),
        revision == null ? Characterization.UNKNOWN : revision.manufacturer(),
        cpuinfo.boardField("Serial").filter(BoardProbe::isText).orElse(Characterization.UNKNOWN),
        Characterization.UNKNOWN,
        revision,
        gpio);
  }

  /** The decoded {@code Revision} line, or null with a warning. */
  private Board.RaspberryPi raspberryPi(CpuInfo cpuinfo) {
    Optional<String> code = cpuinfo.boardField("Revision");
    if (code.isEmpty()) {
      files.warnings().add(CpuProbe.CPUINFO + ": no Revision line, Raspberry Pi model unknown");
      return null;
    }
    Optional<Board.RaspberryPi> decoded = RaspberryPiRevision.decode(code.get());
    if (decoded.isEmpty()) {
      files
          .warnings()
          .add(
              CpuProbe.CPUINFO
                  + ": Revision '"
                  + HostFiles.abbreviate(code.get())
                  + "' is not a Raspberry Pi revision code");
      return null;
    }
    if (decoded.get().model().equals(Characterization.UNKNOWN)) {
      files.warnings().add(CpuProbe.CPUINFO + ": Revision " + code.get() + ": board type unknown");
    }
    return decoded.get();
  }

  /** A device-tree string property (NUL-terminated; lists come back space-separated). */
  private Optional<String> deviceTree(String property) {
    for (String root : DEVICE_TREES) {
      Optional<String> value = files.text(root + "/" + property);
      if (value.isPresent()) {
        if (isText(value.get())) {
          return value;
        }
        files
            .warnings()
            .add(root + "/" + property + ": not text: '" + HostFiles.abbreviate(value.get()) + "'");
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Printable, bounded text: garbage read from a file is not shown as a board name. */
  static boolean isText(String value) {
    return value.length() <= 256
        && value.chars().allMatch(c -> c >= 0x20 && c != 0x7f && c != 0xfffd);
  }
}
