package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.PushSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * A device as attached to one connection: its points resolved against the board's layout (every
 * ANALOG point knows its pin and its channel), the push signal the core gave for it, and the
 * driver's memory of written outputs, which attach and reset recovery re-apply.
 */
final class AttachedDevice {
  /** A point with both its pin (none for I2C) and its analog channel (ANALOG only). */
  record Resolved(FirmataPoint point, OptionalInt pin, OptionalInt channel) {}

  private final FirmataDeviceConfig config;
  private final BoardLayout layout;
  private final List<Resolved> points;
  private final PushSignal signal;
  private final Map<String, Long> outputs;

  AttachedDevice(
      FirmataDeviceConfig config,
      BoardLayout layout,
      PushSignal signal,
      Map<String, Long> outputs) {
    this.config = config;
    this.layout = layout;
    this.signal = signal;
    this.outputs = outputs;
    List<Resolved> resolved = new ArrayList<>();
    for (FirmataPoint point : config.points().values()) {
      resolved.add(resolve(point, layout));
    }
    this.points = List.copyOf(resolved);
  }

  private static Resolved resolve(FirmataPoint point, BoardLayout layout) {
    if (point.mode() != PointMode.ANALOG) {
      return new Resolved(point, point.pin(), OptionalInt.empty());
    }
    int pin = point.pin().orElseGet(() -> layout.pinOf(point.analogChannel().getAsInt()).get());
    int channel =
        point.analogChannel().orElseGet(() -> layout.channelOf(point.pin().getAsInt()).get());
    return new Resolved(point, OptionalInt.of(pin), OptionalInt.of(channel));
  }

  String name() {
    return config.device();
  }

  FirmataDeviceConfig config() {
    return config;
  }

  BoardLayout layout() {
    return layout;
  }

  List<Resolved> points() {
    return points;
  }

  Resolved point(String property) {
    return points.stream()
        .filter(r -> r.point().property().equals(property))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no property " + property));
  }

  /** The raw value an output should have now: the last one written, else its initial value. */
  OptionalLong outputValue(FirmataPoint point) {
    Long written = outputs.get(point.property());
    return written != null ? OptionalLong.of(written) : point.initialValue();
  }

  void analogReported(int channel) {
    List<String> changed = new ArrayList<>();
    for (Resolved r : points) {
      if (r.channel().isPresent() && r.channel().getAsInt() == channel) {
        changed.add(r.point().property());
      }
    }
    signal(changed);
  }

  void portReported(int port, int changedBits) {
    List<String> changed = new ArrayList<>();
    for (Resolved r : points) {
      boolean input =
          r.point().mode() == PointMode.INPUT || r.point().mode() == PointMode.INPUT_PULLUP;
      int pin = r.pin().orElse(-1);
      if (input && pin / 8 == port && (changedBits >> (pin % 8) & 1) == 1) {
        changed.add(r.point().property());
      }
    }
    signal(changed);
  }

  /** After the board was configured again: every value may differ, read them all. */
  void signalAll() {
    signal(points.stream().map(r -> r.point().property()).toList());
  }

  /** Digital ports that carry at least one input of this device. */
  TreeSet<Integer> inputPorts() {
    TreeSet<Integer> ports = new TreeSet<>();
    for (Resolved r : points) {
      if (r.point().mode() == PointMode.INPUT || r.point().mode() == PointMode.INPUT_PULLUP) {
        ports.add(r.pin().getAsInt() / 8);
      }
    }
    return ports;
  }

  private void signal(List<String> properties) {
    if (!properties.isEmpty()) {
      signal.changed(properties);
    }
  }
}
