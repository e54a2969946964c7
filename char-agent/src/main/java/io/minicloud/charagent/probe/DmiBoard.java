package io.minicloud.charagent.probe;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The x86 board from {@code /sys/class/dmi/id}. Firmware fills unused fields with placeholders
 * ("Default string", "To be filled by O.E.M."), which read as absent. Serial numbers there are
 * root-only and deliberately not read.
 */
record DmiBoard(Optional<String> vendor, Optional<String> product) {
  static final String DIR = "/sys/class/dmi/id";
  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "default string",
          "to be filled by o.e.m.",
          "system product name",
          "system manufacturer",
          "not applicable",
          "not specified",
          "none",
          "n/a",
          "o.e.m.",
          "oem",
          "x.x",
          "0123456789");

  static DmiBoard read(HostFiles files) {
    Optional<String> vendor = field(files, "sys_vendor").or(() -> field(files, "board_vendor"));
    Optional<String> product =
        field(files, "product_name")
            .map(name -> field(files, "product_version").map(v -> name + " " + v).orElse(name))
            .or(() -> field(files, "board_name"));
    return new DmiBoard(vendor, product);
  }

  boolean present() {
    return vendor.isPresent() || product.isPresent();
  }

  private static Optional<String> field(HostFiles files, String name) {
    Optional<String> text = files.text(DIR + "/" + name);
    if (text.isPresent() && !BoardProbe.isText(text.get())) {
      files
          .warnings()
          .add(DIR + "/" + name + ": not text: '" + HostFiles.abbreviate(text.get()) + "'");
      return Optional.empty();
    }
    return text.filter(v -> !PLACEHOLDERS.contains(v.toLowerCase(Locale.ROOT)));
  }
}
