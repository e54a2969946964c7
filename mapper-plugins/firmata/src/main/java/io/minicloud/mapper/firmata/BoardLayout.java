package io.minicloud.mapper.firmata;

import io.minicloud.mapper.firmata.codec.FirmataMessage.AnalogMappingResponse;
import io.minicloud.mapper.firmata.codec.FirmataMessage.CapabilityResponse;
import io.minicloud.mapper.firmata.codec.FirmataMessage.PinCapability;
import io.minicloud.mapper.firmata.codec.PinMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A board's pins as its capability and analog-mapping responses describe them: which modes each pin
 * has, at which resolution, and which pin carries which analog channel. Checks a device's points
 * against it before anything is configured.
 */
public record BoardLayout(CapabilityResponse capabilities, AnalogMappingResponse mapping) {

  public int pinCount() {
    return capabilities.pins().size();
  }

  /** The resolution in bits of {@code mode} on {@code pin}, if the pin has that mode. */
  public Optional<Integer> resolution(int pin, PinMode mode) {
    if (pin < 0 || pin >= pinCount()) {
      return Optional.empty();
    }
    return capabilities.pins().get(pin).stream()
        .filter(c -> c.mode() == mode.code())
        .map(PinCapability::resolution)
        .findFirst();
  }

  /** The analog channel of {@code pin}, if it has one. */
  public Optional<Integer> channelOf(int pin) {
    if (pin < 0 || pin >= mapping.channels().size()) {
      return Optional.empty();
    }
    int channel = mapping.channels().get(pin);
    return channel == AnalogMappingResponse.NOT_ANALOG ? Optional.empty() : Optional.of(channel);
  }

  /** The pin that carries analog channel {@code channel}. */
  public Optional<Integer> pinOf(int channel) {
    return Optional.of(mapping.channels().indexOf(channel)).filter(i -> i >= 0);
  }

  /** The modes a pin supports, named for an operator ({@code INPUT, OUTPUT, PWM}). */
  public String modesOf(int pin) {
    if (pin < 0 || pin >= pinCount()) {
      return "none (the board has pins 0.." + (pinCount() - 1) + ")";
    }
    List<PinCapability> modes = capabilities.pins().get(pin);
    if (modes.isEmpty()) {
      return "none (reserved by the firmware, e.g. the serial port)";
    }
    return modes.stream()
        .map(c -> c.pinMode().map(Enum::name).orElse("0x" + Integer.toHexString(c.mode())))
        .collect(Collectors.joining(", "));
  }

  /** Resolves every point to its pin and channel, or lists every point the board cannot serve. */
  public List<String> problems(FirmataDeviceConfig config) {
    List<String> problems = new ArrayList<>();
    for (FirmataPoint point : config.points().values()) {
      problem(point).ifPresent(p -> problems.add("property " + point.property() + ": " + p));
    }
    return problems;
  }

  private Optional<String> problem(FirmataPoint point) {
    PinMode mode = point.mode().pinMode();
    if (point.i2c().isPresent()) {
      boolean any = false;
      for (int pin = 0; pin < pinCount(); pin++) {
        any |= resolution(pin, PinMode.I2C).isPresent();
      }
      return any ? Optional.empty() : Optional.of("this firmware has no I2C pins");
    }
    if (point.pin().isEmpty()) {
      int channel = point.analogChannel().getAsInt();
      return pinOf(channel).isPresent()
          ? Optional.empty()
          : Optional.of("the board has no analog channel " + channel);
    }
    int pin = point.pin().getAsInt();
    if (resolution(pin, mode).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        "pin " + pin + " has no " + point.mode() + " capability; it supports " + modesOf(pin));
  }
}
