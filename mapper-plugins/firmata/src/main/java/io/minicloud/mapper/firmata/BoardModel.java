package io.minicloud.mapper.firmata;

import io.minicloud.mapper.firmata.codec.FirmataMessage.AnalogMappingResponse;
import io.minicloud.mapper.firmata.codec.FirmataMessage.CapabilityResponse;
import io.minicloud.mapper.firmata.codec.FirmataMessage.FirmwareReport;
import io.minicloud.mapper.firmata.codec.FirmataMessage.I2cReply;
import io.minicloud.mapper.firmata.codec.FirmataMessage.PinStateResponse;
import io.minicloud.mapper.firmata.codec.FirmataMessage.ProtocolVersion;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the host knows of the board: identity, capabilities, and the latest reported values. Written
 * by the connection's reader thread, read by the link's thread; every field is safe to read at any
 * time, and {@link #forgetReadings()} drops what a reset made untrue.
 */
public final class BoardModel {
  /** One reported value and when it arrived. */
  public record Sample(int value, Instant at) {}

  private static final int STRINGS_KEPT = 32;

  private volatile FirmwareReport firmware;
  private volatile ProtocolVersion protocolVersion;
  private volatile CapabilityResponse capabilities;
  private volatile AnalogMappingResponse analogMapping;
  private final Map<Integer, Sample> analog = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> digitalPorts = new ConcurrentHashMap<>();
  private final Map<Integer, PinStateResponse> pinStates = new ConcurrentHashMap<>();
  private final Map<Integer, I2cReply> i2cReplies = new ConcurrentHashMap<>();
  private final Deque<String> strings = new ArrayDeque<>();
  private final java.util.concurrent.atomic.AtomicLong analogReports =
      new java.util.concurrent.atomic.AtomicLong();

  public Optional<FirmwareReport> firmware() {
    return Optional.ofNullable(firmware);
  }

  public Optional<ProtocolVersion> protocolVersion() {
    return Optional.ofNullable(protocolVersion);
  }

  public Optional<CapabilityResponse> capabilities() {
    return Optional.ofNullable(capabilities);
  }

  public Optional<AnalogMappingResponse> analogMapping() {
    return Optional.ofNullable(analogMapping);
  }

  /** The latest value reported for analog channel {@code channel}. */
  public Optional<Sample> analog(int channel) {
    return Optional.ofNullable(analog.get(channel));
  }

  /** Analog reports received so far, over all channels (how fast the board samples). */
  public long analogReports() {
    return analogReports.get();
  }

  /** The latest level reported for a digital input pin. */
  public Optional<Boolean> digital(int pin) {
    Integer mask = digitalPorts.get(pin / 8);
    return mask == null ? Optional.empty() : Optional.of((mask >> (pin % 8) & 1) == 1);
  }

  /** The last pin-state response for {@code pin}. */
  public Optional<PinStateResponse> pinState(int pin) {
    return Optional.ofNullable(pinStates.get(pin));
  }

  /** The last I2C_REPLY from the slave at {@code address}. */
  public Optional<I2cReply> i2cReply(int address) {
    return Optional.ofNullable(i2cReplies.get(address));
  }

  /** The latest STRING_DATA messages, oldest first (at most 32). */
  public synchronized List<String> strings() {
    return List.copyOf(strings);
  }

  void firmware(FirmwareReport report) {
    firmware = report;
  }

  void protocolVersion(ProtocolVersion version) {
    protocolVersion = version;
  }

  void capabilities(CapabilityResponse response) {
    capabilities = response;
  }

  void analogMapping(AnalogMappingResponse response) {
    analogMapping = response;
  }

  void pinState(PinStateResponse state) {
    pinStates.put(state.pin(), state);
  }

  void i2cReply(I2cReply reply) {
    i2cReplies.put(reply.address(), reply);
  }

  /** Stores an analog report; true when the value differs from the previous one (or is first). */
  boolean analog(int channel, int value, Instant at) {
    analogReports.incrementAndGet();
    Sample previous = analog.put(channel, new Sample(value, at));
    return previous == null || previous.value() != value;
  }

  /** Stores a port report; returns the bits that changed (all 8 for a port's first report). */
  int digitalPort(int port, int mask) {
    Integer previous = digitalPorts.put(port, mask);
    return previous == null ? 0xFF : previous ^ mask;
  }

  synchronized void string(String text) {
    if (strings.size() == STRINGS_KEPT) {
      strings.removeFirst();
    }
    strings.addLast(text);
  }

  /** After an MCU reset: values, modes and capabilities reported before it no longer hold. */
  void forgetReadings() {
    analog.clear();
    digitalPorts.clear();
    pinStates.clear();
    i2cReplies.clear();
    capabilities = null;
    analogMapping = null;
  }
}
