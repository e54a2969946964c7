package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.ByteConnection;
import io.minicloud.mapper.api.Connection;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.PushSignal;
import io.minicloud.mapper.firmata.codec.FirmataDecoder;
import io.minicloud.mapper.firmata.codec.FirmataEncoder;
import io.minicloud.mapper.firmata.codec.FirmataMessage;
import io.minicloud.mapper.firmata.codec.FirmataMessage.AnalogValue;
import io.minicloud.mapper.firmata.codec.FirmataMessage.DigitalPort;
import io.minicloud.mapper.firmata.codec.FirmataMessage.FirmwareReport;
import io.minicloud.mapper.firmata.codec.FirmataMessage.PinStateResponse;
import io.minicloud.mapper.firmata.codec.FirmataMessage.StringData;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open serial connection to a Firmata board: a reader thread feeds every byte to a {@link
 * FirmataDecoder} and keeps the {@link BoardModel}; the link's thread sends requests and waits for
 * answers through {@link Replies}. Reports that change a property's value fire the push signal of
 * the device that owns it, so the core reads and publishes at once.
 *
 * <p>A firmware report nobody asked for after the handshake means the MCU reset (watchdog, brown
 * out, someone pressed the button): its pin modes and reporting are gone, so the connection
 * configures every attached device again on its own setup thread. If that fails, it closes itself
 * and the core reconnects and attaches afresh.
 */
public final class FirmataConnection implements Connection {
  private static final Logger LOG = Logger.getLogger(FirmataConnection.class.getName());
  private static final int READ_TIMEOUT_MILLIS = 200;
  private static final int SAFE_DRAIN_MILLIS = 100;

  private final ByteConnection io;
  private final String port;
  private final String deviceName;
  private final Clock clock;
  private final FirmataDecoder decoder = new FirmataDecoder();
  private final BoardModel board = new BoardModel();
  private final Replies replies = new Replies();
  private final OutputPorts outputs = new OutputPorts();
  private final Map<String, AttachedDevice> attached = new ConcurrentHashMap<>();
  private final Map<String, DeviceException> attachFailures = new ConcurrentHashMap<>();
  private final AtomicInteger firmwareQueries = new AtomicInteger();
  private final AtomicLong resets = new AtomicLong();
  private final ExecutorService setupThread;
  private final Thread reader;
  private volatile boolean handshakeDone;
  private volatile boolean open = true;
  private volatile Duration startupTimeout = Duration.ofSeconds(10);

  /**
   * @param io the serial port (or an in-memory board in tests); this connection owns it
   * @param port the port's name, for messages
   * @param deviceName the device this link was opened for, for log lines
   */
  public FirmataConnection(ByteConnection io, String port, String deviceName) {
    this(io, port, deviceName, Clock.systemUTC());
  }

  public FirmataConnection(ByteConnection io, String port, String deviceName, Clock clock) {
    this.io = io;
    this.port = port;
    this.deviceName = deviceName;
    this.clock = clock;
    this.setupThread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "firmata-setup-" + port);
              t.setDaemon(true);
              return t;
            });
    this.reader = new Thread(this::readLoop, "firmata-reader-" + port);
    reader.setDaemon(true);
    reader.start();
  }

  public BoardModel board() {
    return board;
  }

  public String port() {
    return port;
  }

  /** MCU resets detected on this connection so far. */
  public long resets() {
    return resets.get();
  }

  /** Bytes and messages the decoder dropped so far (line noise, truncated messages). */
  public long decodeErrors() {
    synchronized (decoder) {
      return decoder.errors();
    }
  }

  /** Sends one message; a failed write is a link failure (the core reconnects). */
  public void send(byte[] message) throws IOException {
    checkOpen();
    synchronized (outputs) {
      try {
        io.write(message);
      } catch (IOException e) {
        fail(e);
        throw e;
      }
    }
  }

  /** Sends {@code request} and waits for the first message {@code expect} accepts. */
  public <T extends FirmataMessage> Optional<T> request(
      byte[] request, Replies.Expect<T> expect, Duration timeout) throws IOException {
    Replies.Pending<T> pending = replies.expect(expect);
    try {
      send(request);
      return pending.await(timeout);
    } finally {
      replies.cancel(pending);
    }
  }

  /** Drives a digital output: its whole port is sent, other outputs keep their level. */
  public void writeDigital(int pin, boolean high) throws IOException {
    synchronized (outputs) {
      send(outputs.set(pin, high));
    }
  }

  /**
   * PWM duty or servo position: ANALOG_MESSAGE where it fits (pins 0..15, 14 bits), else
   * EXTENDED_ANALOG.
   */
  public void writeAnalog(int pin, long value) throws IOException {
    send(
        pin <= 15 && value <= 0x3FFF
            ? FirmataEncoder.analogWrite(pin, (int) value)
            : FirmataEncoder.extendedAnalog(pin, (int) value));
  }

  /** PIN_STATE_QUERY: the pin's mode and state as the firmware holds them. */
  public Optional<PinStateResponse> queryPinState(int pin, Duration timeout) throws IOException {
    return request(
        FirmataEncoder.pinStateQuery(pin),
        new Replies.Expect<>(PinStateResponse.class, s -> s.pin() == pin),
        timeout);
  }

  /**
   * Attaches a device: handshake with the board if this connection has not yet, check the points
   * against the board's capabilities, then configure pins, outputs and reporting.
   *
   * @throws DeviceException TIMEOUT when the board does not answer; DEVICE_EXCEPTION naming every
   *     point the board cannot serve
   */
  void attach(
      FirmataDeviceConfig config, PushSignal signal, Map<String, Long> written, Duration timeout)
      throws IOException {
    String name = config.device();
    attached.remove(name);
    attachFailures.remove(name);
    startupTimeout = timeout;
    try {
      BoardLayout layout = BoardSetup.handshake(this, timeout);
      List<String> problems = layout.problems(config);
      if (!problems.isEmpty()) {
        throw new DeviceException(
            ErrorKind.DEVICE_EXCEPTION,
            "board "
                + describe()
                + " cannot serve device "
                + name
                + ": "
                + String.join("; ", problems));
      }
      AttachedDevice device = new AttachedDevice(config, layout, signal, written);
      // registered first: the reports that enabling reporting triggers must reach its signal
      attached.put(name, device);
      BoardSetup.configure(this, device);
    } catch (DeviceException e) {
      attachFailures.put(name, e);
      throw e;
    }
  }

  Optional<AttachedDevice> attached(String device) {
    return Optional.ofNullable(attached.get(device));
  }

  Optional<DeviceException> attachFailure(String device) {
    return Optional.ofNullable(attachFailures.get(device));
  }

  OutputPorts outputs() {
    return outputs;
  }

  boolean handshakeDone() {
    return handshakeDone;
  }

  void handshakeDone(boolean done) {
    if (done) {
      firmwareQueries.set(0); // queries sent during the handshake are answered or lost by now
    }
    handshakeDone = done;
  }

  /** Counts a firmware query, so its answer is not taken for a reset. */
  void firmwareQuerySent() {
    firmwareQueries.incrementAndGet();
  }

  Replies replies() {
    return replies;
  }

  /** {@code StandardFirmata.ino 2.5 on /dev/ttyACM0}, or just the port before the handshake. */
  String describe() {
    return board
        .firmware()
        .map(f -> f.name() + " " + f.major() + "." + f.minor() + " on " + port)
        .orElse(port);
  }

  private void readLoop() {
    byte[] buffer = new byte[1024];
    try {
      while (open) {
        int n = io.read(buffer, 0, buffer.length, READ_TIMEOUT_MILLIS);
        if (n <= 0) {
          continue;
        }
        List<FirmataMessage> messages;
        synchronized (decoder) {
          messages = decoder.feed(buffer, 0, n);
        }
        for (FirmataMessage message : messages) {
          dispatch(message);
        }
      }
    } catch (IOException e) {
      fail(e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "firmata reader on " + port + " failed", e);
      fail(new IOException("reader failed: " + e, e));
    }
  }

  private void dispatch(FirmataMessage message) {
    if (message instanceof AnalogValue a) {
      if (board.analog(a.channel(), a.value(), clock.instant())) {
        attached.values().forEach(d -> d.analogReported(a.channel()));
      }
    } else if (message instanceof DigitalPort d) {
      int changed = board.digitalPort(d.port(), d.mask());
      if (changed != 0) {
        attached.values().forEach(device -> device.portReported(d.port(), changed));
      }
    } else if (message instanceof FirmwareReport f) {
      firmwareReported(f);
    } else if (message instanceof FirmataMessage.ProtocolVersion v) {
      board.protocolVersion(v);
    } else if (message instanceof FirmataMessage.CapabilityResponse c) {
      board.capabilities(c);
    } else if (message instanceof FirmataMessage.AnalogMappingResponse m) {
      board.analogMapping(m);
    } else if (message instanceof FirmataMessage.PinStateResponse s) {
      board.pinState(s);
    } else if (message instanceof FirmataMessage.I2cReply r) {
      board.i2cReply(r);
    } else if (message instanceof StringData s) {
      board.string(s.text());
      LOG.info(() -> "board of device " + deviceName + " on " + port + " says: " + s.text());
    }
    replies.offer(message);
  }

  private void firmwareReported(FirmwareReport report) {
    board.firmware(report);
    if (firmwareQueries.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || !handshakeDone) {
      return; // an answer, or the boot report the handshake waits for
    }
    resets.incrementAndGet();
    handshakeDone = false;
    board.forgetReadings();
    LOG.warning(
        () ->
            "board of device "
                + deviceName
                + " on "
                + port
                + " reset (unasked firmware report): configuring it again");
    setupThread.execute(this::reconfigure);
  }

  /** On the setup thread after a reset: the same handshake and configuration as attach. */
  private void reconfigure() {
    try {
      BoardSetup.handshake(this, startupTimeout);
      for (AttachedDevice device : attached.values()) {
        BoardSetup.configure(this, device);
        device.signalAll();
      }
    } catch (IOException e) {
      LOG.log(
          Level.WARNING,
          "board on "
              + port
              + " did not come back after its reset; reconnecting: "
              + e.getMessage());
      fail(e);
    }
  }

  /**
   * Outputs with a {@code safeValue} are set to it before the port closes (the bridge stops or
   * drops the device); a board that is already gone cannot be reached, which is logged.
   */
  private void applySafeValues() {
    boolean sent = false;
    for (AttachedDevice device : attached.values()) {
      for (AttachedDevice.Resolved r : device.points()) {
        FirmataPoint point = r.point();
        if (point.safeValue().isEmpty() || r.pin().isEmpty()) {
          continue;
        }
        long value = point.safeValue().getAsLong();
        try {
          if (point.mode() == PointMode.OUTPUT) {
            writeDigital(r.pin().getAsInt(), value != 0);
          } else {
            writeAnalog(r.pin().getAsInt(), value);
          }
          sent = true;
        } catch (IOException e) {
          LOG.warning(
              () ->
                  "device "
                      + device.name()
                      + ": cannot set "
                      + point.property()
                      + " to its safeValue on "
                      + port
                      + ": "
                      + e.getMessage());
          return;
        }
      }
    }
    if (sent) {
      // closing a port may discard what the driver has not transmitted yet (seen with the pty),
      // and jSerialComm has no drain: a few bytes at 57600 baud need well under SAFE_DRAIN_MILLIS
      try {
        Thread.sleep(SAFE_DRAIN_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void checkOpen() throws IOException {
    if (!open) {
      throw new IOException("the connection to " + port + " is closed");
    }
  }

  private void fail(IOException cause) {
    if (open) {
      LOG.fine(() -> "firmata link " + port + " failed: " + cause.getMessage());
    }
    open = false;
    replies.failAll(cause);
    io.close();
  }

  @Override
  public boolean isOpen() {
    return open && io.isOpen();
  }

  @Override
  public void close() {
    if (open) {
      applySafeValues();
    }
    open = false;
    replies.failAll(new IOException("the connection to " + port + " was closed"));
    setupThread.shutdownNow();
    io.close();
    if (Thread.currentThread() != reader) {
      try {
        reader.join(READ_TIMEOUT_MILLIS * 5L);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
