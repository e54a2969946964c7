package io.minicloud.charagent.probe;

import io.minicloud.charagent.model.Board;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GPIO controllers, without opening a device. The character devices ({@code /dev/gpiochipN}, {@code
 * /sys/bus/gpio/devices/gpiochipN}) name the chips libgpiod and Pi4J's gpiod plugin use; the label
 * and line count only appear in the legacy sysfs class ({@code /sys/class/gpio/gpiochipB}, numbered
 * by GPIO base, e.g. gpiochip512), whose {@code device} link points back at {@code gpiochipN}. A
 * kernel without legacy sysfs still lists its chips, with label and lines null.
 */
final class BoardGpioChips {
  private static final String CLASS = "/sys/class/gpio";

  private final HostFiles files;

  BoardGpioChips(HostFiles files) {
    this.files = files;
  }

  List<Board.GpioChip> probe() {
    Map<String, Board.GpioChip> chips = new LinkedHashMap<>();
    for (String legacy : chipNames(CLASS)) {
      String dir = CLASS + "/" + legacy;
      String name =
          files.linkName(dir + "/device").filter(n -> n.matches("gpiochip\\d+")).orElse(legacy);
      String label = files.text(dir + "/label").map(BoardGpioChips::label).orElse(null);
      Integer lines =
          files
              .number(dir + "/ngpio")
              .filter(n -> n >= 0 && n <= 65_535)
              .map(Long::intValue)
              .orElse(null);
      chips.put(name, new Board.GpioChip(name, label, lines));
    }
    for (String dir : List.of("/sys/bus/gpio/devices", "/dev")) {
      for (String name : chipNames(dir)) {
        chips.putIfAbsent(name, new Board.GpioChip(name, null, null));
      }
    }
    List<Board.GpioChip> sorted = new ArrayList<>(chips.values());
    sorted.sort(Comparator.comparingInt(c -> number(c.name())));
    return List.copyOf(sorted);
  }

  private List<String> chipNames(String dir) {
    return files.list(dir).stream().filter(n -> n.matches("gpiochip\\d{1,6}")).toList();
  }

  private static String label(String text) {
    return Optional.of(text)
        .filter(t -> t.length() <= 64 && t.chars().allMatch(c -> c > 0x20 && c < 0x7f))
        .orElse(null);
  }

  private static int number(String name) {
    String digits = name.replaceAll("\\D", "");
    return digits.isEmpty() || digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
  }
}
