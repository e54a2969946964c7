package io.minicloud.mapper.api.transport;

import com.fazecast.jSerialComm.SerialPort;
import io.minicloud.mapper.api.ByteConnection;
import io.minicloud.mapper.api.LinkSpec;
import java.io.EOFException;
import java.io.IOException;

/** A serial port (jSerialComm) as a byte connection: RS-232, RS-485 adapters, USB CDC, ptys. */
public final class SerialConnection implements ByteConnection {
  private final SerialPort port;
  private final String name;
  private volatile boolean open = true;

  private SerialConnection(SerialPort port, String name) {
    this.port = port;
    this.name = name;
  }

  public static LinkSpec.Opener opener(SerialSettings settings) {
    return () -> open(settings);
  }

  public static SerialConnection open(SerialSettings settings) throws IOException {
    SerialPort port;
    try {
      port = SerialPort.getCommPort(settings.port());
    } catch (RuntimeException e) {
      throw new IOException("serial port " + settings.port() + ": " + e.getMessage(), e);
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
    // exclusive: a second opener of the same port would interleave frames on the bus
    if (!port.openPort()) {
      throw new IOException(
          "cannot open serial port "
              + settings.port()
              + " (error "
              + port.getLastErrorCode()
              + "): missing, busy, or no permission (is the minicloud user in group dialout?)");
    }
    return new SerialConnection(port, settings.port());
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
  }
}
