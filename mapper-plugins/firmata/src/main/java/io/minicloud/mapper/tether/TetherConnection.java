package io.minicloud.mapper.tether;

import io.minicloud.mapper.api.ByteConnection;
import io.minicloud.mapper.api.Connection;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.tether.codec.Identity;
import io.minicloud.mapper.tether.codec.McuMessage;
import io.minicloud.mapper.tether.codec.MessageType;
import io.minicloud.mapper.tether.codec.Request;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * A tether v1 link to one MCU: owns the byte line, keeps the host's pin configuration and the
 * levels it commanded, sends heartbeats, and re-applies everything when the MCU reports a new boot
 * nonce (it was reset) or a tripped fail-safe. The core owns one per serial port (a message link:
 * {@code LinkSpec.frames() == false}) and calls {@link #attach} after every (re)connect.
 */
public final class TetherConnection implements Connection {
  private static final System.Logger LOG = System.getLogger(TetherConnection.class.getName());
  private static final int MAX_RESTORE_ROUNDS = 3;

  private final FrameExchanger exchanger;
  private final LinkCounters counters;
  private final String name;
  private final ScheduledExecutorService heartbeats;
  private final Map<Integer, Integer> commanded = new LinkedHashMap<>();
  private final Object lock = new Object();
  private volatile IntConsumer inputChanged = pin -> {};
  private List<PinSetup> pins = List.of();
  private Duration failSafeTimeout = Duration.ZERO;
  private Identity identity;
  private long knownNonce;

  /** False from the start of a (re)configuration until it completed: a failed one is redone. */
  private boolean configured;

  private ScheduledFuture<?> heartbeat;

  /** Takes over {@code line}; closing the connection closes it. */
  public TetherConnection(ByteConnection line, RetryPolicy retry, String name) {
    this.counters = new LinkCounters();
    this.name = name;
    // a new host session starts at a random number: the MCU's duplicate window is cleared by
    // HELLO, and a random start keeps two sessions' first frames apart even before that
    this.exchanger =
        new FrameExchanger(
            line,
            retry,
            new SequenceNumbers(new java.util.Random().nextInt(255)),
            counters,
            this::event,
            name);
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tether-heartbeat-" + name);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Configures the MCU: HELLO (identity, capabilities, boot nonce), every pin, the fail-safe
   * heartbeat, and the levels commanded earlier on this connection; then heartbeats at a quarter of
   * the fail-safe timeout.
   *
   * @param inputChanged called (on the reader thread) with the pin of each input-change event
   * @throws DeviceException when the MCU lacks a pin or mode, or refuses the configuration
   */
  public Identity attach(List<PinSetup> pins, Duration failSafeTimeout, IntConsumer inputChanged)
      throws IOException {
    if (failSafeTimeout.toMillis() > 0xFFFF || failSafeTimeout.isNegative()) {
      throw new IllegalArgumentException("failSafeTimeout must be 0..65535 ms");
    }
    long period = Math.max(5, failSafeTimeout.toMillis() / 4);
    synchronized (lock) {
      this.pins = List.copyOf(pins);
      this.failSafeTimeout = failSafeTimeout;
      this.inputChanged = inputChanged;
      // levels commanded for pins that are no longer outputs must not be re-applied
      commanded
          .keySet()
          .retainAll(pins.stream().filter(p -> p.mode().output()).map(PinSetup::pin).toList());
      restore("attach");
      if (heartbeat != null) {
        heartbeat.cancel(false); // attached again: one heartbeat, at the new period
      }
      heartbeat =
          failSafeTimeout.isZero()
              ? null
              : heartbeats.scheduleAtFixedRate(
                  this::heartbeat, period, period, TimeUnit.MILLISECONDS);
      return identity;
    }
  }

  /** Drives an output pin; remembered, so a reset or trip restores it. */
  public void set(int pin, int level) throws IOException {
    synchronized (lock) {
      expect(call(Request.set(pin, level)), MessageType.ACK, "SET pin " + pin);
      commanded.put(pin, level);
    }
  }

  /** A pin's value: 0/1 (digital; the driven level of an output) or 0..1023 (analog). */
  public int read(int pin) throws IOException {
    synchronized (lock) {
      McuMessage reply = expect(call(Request.read(pin)), MessageType.REPORT, "READ pin " + pin);
      McuMessage.PinValue value =
          reply
              .pinValue()
              .filter(v -> v.pin() == pin)
              .orElseThrow(
                  () ->
                      new DeviceException(
                          ErrorKind.MALFORMED, "REPORT for pin " + pin + " does not add up"));
      return value.value();
    }
  }

  /** The MCU's counters of frames and bytes it dropped without a reply. */
  public McuMessage.Diagnostics diagnostics() throws IOException {
    synchronized (lock) {
      McuMessage reply =
          expect(call(Request.diagnostics()), MessageType.DIAGNOSTICS_REPORT, "DIAGNOSTICS");
      return reply
          .diagnostics()
          .orElseThrow(
              () -> new DeviceException(ErrorKind.MALFORMED, "DIAGNOSTICS_REPORT does not add up"));
    }
  }

  /** The identity the MCU gave at the last (re)configuration. */
  public Identity identity() {
    synchronized (lock) {
      return identity;
    }
  }

  public LinkCounters counters() {
    return counters;
  }

  /** Sends one request outside the configuration logic (the bench's reference round trip). */
  public McuMessage exchangeRaw(Request request) throws IOException {
    synchronized (lock) {
      return exchanger.request(request);
    }
  }

  private McuMessage call(Request request) throws IOException {
    if (!configured) {
      restore("the last configuration did not complete");
    }
    for (int round = 0; ; round++) {
      McuMessage reply = exchanger.request(request);
      if (reply.nonce() == knownNonce && !reply.tripped()) {
        return reply;
      }
      if (round >= MAX_RESTORE_ROUNDS) {
        throw new DeviceException(
            ErrorKind.DEVICE_EXCEPTION,
            "the MCU keeps resetting or tripping its fail-safe; gave up on " + request.type());
      }
      restore(
          reply.nonce() != knownNonce
              ? "MCU reset (boot nonce %08x -> %08x)".formatted(knownNonce, reply.nonce())
              : "fail-safe tripped");
      // the request met an MCU that had lost its configuration: send it again, as a new command
    }
  }

  private void restore(String why) throws IOException {
    configured = false;
    for (int round = 0; round < MAX_RESTORE_ROUNDS; round++) {
      McuMessage hello = exchanger.request(Request.hello());
      Identity id =
          Identity.parse(hello)
              .orElseThrow(
                  () -> new DeviceException(ErrorKind.MALFORMED, "HELLO got no valid IDENTITY"));
      if (id.protocolVersion() != 1) {
        throw new DeviceException(
            ErrorKind.DEVICE_EXCEPTION, "the MCU speaks tether v" + id.protocolVersion());
      }
      for (PinSetup p : pins) {
        if (!id.supports(p.pin(), p.mode())) {
          throw new DeviceException(
              ErrorKind.DEVICE_EXCEPTION,
              id.firmwareName() + " has no pin " + p.pin() + " in mode " + p.mode().configName());
        }
      }
      exchanger.maxRate(id.maxRate());
      identity = id;
      knownNonce = id.nonce();
      if (applyAll()) {
        configured = true;
        counters.restores.incrementAndGet();
        LOG.log(
            System.Logger.Level.INFO,
            "tether {0}: {1}: {2} {3} configured ({4} pins, fail-safe {5} ms)",
            name,
            why,
            id.firmwareName(),
            id.firmwareVersion(),
            pins.size(),
            failSafeTimeout.toMillis());
        return;
      }
    }
    throw new DeviceException(
        ErrorKind.DEVICE_EXCEPTION, "the MCU reset again while being configured, 3 times");
  }

  /** False when the MCU reset in between (a new nonce): configure again from HELLO. */
  private boolean applyAll() throws IOException {
    for (PinSetup p : pins) {
      if (!applied(Request.configPin(p.pin(), p.mode(), p.safeValue()), "CONFIG pin " + p.pin())) {
        return false;
      }
    }
    if (!applied(Request.heartbeat((int) failSafeTimeout.toMillis(), true), "HEARTBEAT")) {
      return false;
    }
    for (Map.Entry<Integer, Integer> c : commanded.entrySet()) {
      if (!applied(Request.set(c.getKey(), c.getValue()), "SET pin " + c.getKey())) {
        return false;
      }
    }
    return true;
  }

  private boolean applied(Request request, String what) throws IOException {
    McuMessage reply = exchanger.request(request);
    if (reply.nonce() != knownNonce) {
      return false;
    }
    expect(reply, MessageType.ACK, what);
    return true;
  }

  private static McuMessage expect(McuMessage reply, MessageType type, String what)
      throws DeviceException {
    if (reply.type() == MessageType.NACK) {
      throw new DeviceException(
          ErrorKind.DEVICE_EXCEPTION, what + " refused by the MCU: " + reply.nackReason());
    }
    if (reply.type() != type) {
      throw new DeviceException(ErrorKind.MALFORMED, what + " got " + reply.type());
    }
    return reply;
  }

  private void heartbeat() {
    try {
      synchronized (lock) {
        expect(
            call(Request.heartbeat((int) failSafeTimeout.toMillis(), false)),
            MessageType.ACK,
            "HEARTBEAT");
      }
    } catch (IOException e) {
      // the MCU falls back to its safe values on its own; the next heartbeat that gets through
      // sees the trip and restores. Reads and writes report the failure to the core meanwhile.
      LOG.log(
          System.Logger.Level.WARNING, "tether {0}: heartbeat failed: {1}", name, e.getMessage());
    }
  }

  private void event(McuMessage m) {
    m.pinValue().ifPresent(v -> inputChanged.accept(v.pin()));
  }

  @Override
  public boolean isOpen() {
    return exchanger.isOpen();
  }

  @Override
  public void close() {
    heartbeats.shutdownNow();
    exchanger.close();
  }
}
