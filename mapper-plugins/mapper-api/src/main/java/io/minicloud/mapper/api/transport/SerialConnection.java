package io.minicloud.mapper.api.transport;

import com.fazecast.jSerialComm.SerialPort;
import io.minicloud.mapper.api.ByteConnection;
import io.minicloud.mapper.api.LinkSpec;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A serial port (jSerialComm) as a byte connection: RS-232, RS-485 adapters, USB CDC, ptys. */
public final class SerialConnection implements ByteConnection {
  private final SerialPort port;
  private final String name;
  private final PortClaims.Claim claim;
  private volatile boolean open = true;

  private SerialConnection(SerialPort port, String name, PortClaims.Claim claim) {
    this.port = port;
    this.name = name;
    this.claim = claim;
  }

  public static LinkSpec.Opener opener(SerialSettings settings) {
    return () -> open(settings);
  }

  /** The link id of a serial port: stable across re-enumeration when the name is. */
  public static String linkId(SerialSettings settings) {
    return "serial:" + SerialPortIdentity.parse(settings.port()).configured();
  }

  /**
   * Resolves the configured port ({@link SerialPortIdentity}: by-id path, device path or {@code
   * usb-serial:<number>}) to its device node now, claims it and opens it exclusively.
   */
  public static SerialConnection open(SerialSettings settings) throws IOException {
    return open(settings, SerialPortDirectory.SYSTEM);
  }

  public static SerialConnection open(SerialSettings settings, SerialPortDirectory directory)
      throws IOException {
    SerialPortIdentity identity;
    try {
      identity = SerialPortIdentity.parse(settings.port());
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
    Path node = identity.resolve(directory);
    PortClaims.Claim claim = PortClaims.claim(node, identity.configured());
    try {
      return open(settings, node, identity.configured(), claim);
    } catch (IOException | RuntimeException e) {
      claim.close();
      throw e;
    }
  }

  private static SerialConnection open(
      SerialSettings settings, Path node, String configured, PortClaims.Claim claim)
      throws IOException {
    String shown = node.toString().equals(configured) ? configured : configured + " (" + node + ")";
    SerialPort port;
    try {
      port = SerialPort.getCommPort(node.toString());
    } catch (RuntimeException e) {
      throw new IOException("serial port " + shown + ": " + e.getMessage(), e);
    }
    port.setComPortParameters(
        settings.baudRate(),
        settings.dataBits(),
        settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT,
        switch (settings.parity()) {
          case NONE -> SerialPort.NO_PARITY;
          case EVEN -> SerialPort.EVEN_PARITY;
          case ODD -> SerialPort.ODD_PARITY;
        });
    // exclusive (jSerialComm flocks the device): a second opener would interleave frames
    if (!port.openPort()) {
      throw new IOException("cannot open serial port " + shown + ": " + whyNot(node));
    }
    return new SerialConnection(port, shown, claim);
  }

  private static String whyNot(Path node) {
    if (!Files.isReadable(node) || !Files.isWritable(node)) {
      return "no permission (is the minicloud user in group dialout?)";
    }
    return "it is busy: another program holds it (a second bridge, a terminal program,"
        + " ModemManager)";
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    int written = port.writeBytes(bytes, bytes.length);
    if (written != bytes.length) {
      open = false;
      throw new IOException("serial port " + name + ": wrote " + written + " of " + bytes.length);
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int len, long timeoutMillis) throws IOException {
    port.setComPortTimeouts(
        SerialPort.TIMEOUT_READ_SEMI_BLOCKING, (int) Math.max(1, timeoutMillis), 0);
    int n = port.readBytes(buffer, len, offset);
    if (n < 0) {
      open = false;
      throw new EOFException(
          "serial port " + name + " is gone (error " + port.getLastErrorCode() + ")");
    }
    return n;
  }

  @Override
  public void discardInput() throws IOException {
    port.flushIOBuffers();
    int waiting = port.bytesAvailable();
    if (waiting > 0) {
      byte[] sink = new byte[waiting];
      port.readBytes(sink, waiting);
    }
  }

  @Override
  public boolean isOpen() {
    return open && port.isOpen();
  }

  @Override
  public void close() {
    open = false;
    port.closePort();
    claim.close();
  }
}
