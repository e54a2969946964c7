package io.minicloud.mapper.api.transport;

import io.minicloud.mapper.api.ByteConnection;
import io.minicloud.mapper.api.LinkSpec;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** A TCP socket as a byte connection (Modbus TCP, RTU over TCP, serial servers). */
public final class TcpConnection implements ByteConnection {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private volatile boolean open = true;

  private TcpConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** An opener that connects to {@code host:port}, giving up after {@code connectTimeout}. */
  public static LinkSpec.Opener opener(String host, int port, Duration connectTimeout) {
    return () -> connect(host, port, connectTimeout);
  }

  public static TcpConnection connect(String host, int port, Duration connectTimeout)
      throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
      socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
      return new TcpConnection(socket);
    } catch (IOException e) {
      socket.close();
      throw new IOException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void write(byte[] bytes) throws IOException {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      open = false;
      throw e;
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int len, long timeoutMillis) throws IOException {
    try {
      socket.setSoTimeout((int) Math.max(1, timeoutMillis));
      int n = in.read(buffer, offset, len);
      if (n < 0) {
        open = false;
        throw new EOFException("connection closed by " + socket.getRemoteSocketAddress());
      }
      return n;
    } catch (SocketTimeoutException e) {
      return 0;
    } catch (IOException e) {
      open = false;
      throw e;
    }
  }

  @Override
  public void discardInput() throws IOException {
    byte[] sink = new byte[512];
    while (in.available() > 0) {
      if (read(sink, 0, Math.min(sink.length, in.available()), 1) <= 0) {
        return;
      }
    }
  }

  @Override
  public boolean isOpen() {
    return open && !socket.isClosed();
  }

  @Override
  public void close() {
    open = false;
    try {
      socket.close();
    } catch (IOException e) {
      // closing a broken socket: nothing left to report, the link is being replaced anyway
    }
  }
}
