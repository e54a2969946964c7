package io.minicloud.mapper.modbus.peers;

import io.minicloud.mapper.api.ByteConnection;
import io.minicloud.mapper.api.Connection;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.FrameReader;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.LinkSpec;
import java.io.IOException;
import java.util.Arrays;

/**
 * The smallest real {@link LinkSession}, for tests against real peers: opens the link's connection
 * once, and for each request discards stale input, waits the inter-request delay, writes, and reads
 * until the driver's {@link FrameReader} says the reply is complete or the timeout passes. The
 * core's link owner (tether-bridge) adds reconnects, logging, metrics and scheduling.
 */
public final class DirectLinkSession implements LinkSession, AutoCloseable {
  private static final int MAX_FRAME = 1024;

  private final LinkSpec link;
  private final ByteConnection connection;
  private long lastRequestNanos;

  private DirectLinkSession(LinkSpec link, ByteConnection connection) {
    this.link = link;
    this.connection = connection;
  }

  /** Opens the link's connection with its own opener. */
  public static DirectLinkSession open(LinkSpec link) throws IOException {
    Connection connection = link.opener().open();
    if (!(connection instanceof ByteConnection bytes)) {
      connection.close();
      throw new IOException(link.id() + " is not a byte link");
    }
    return new DirectLinkSession(link, bytes);
  }

  @Override
  public byte[] exchange(byte[] request, FrameReader reader) throws IOException {
    send(request);
    byte[] buffer = new byte[MAX_FRAME];
    int have = 0;
    long deadline = System.nanoTime() + requestTimeoutMillis() * 1_000_000;
    while (true) {
      int need = have == 0 ? FrameReader.NEED_MORE : reader.frameLength(buffer, have);
      if (need != FrameReader.NEED_MORE && have >= need) {
        lastRequestNanos = System.nanoTime(); // the quiet time counts from the end of the reply
        return Arrays.copyOf(buffer, need);
      }
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0 || need > MAX_FRAME) {
        throw new DeviceException(
            ErrorKind.TIMEOUT,
            "no complete reply within " + requestTimeoutMillis() + " ms (" + have + " bytes)");
      }
      int room = need == FrameReader.NEED_MORE ? 1 : need - have;
      have += connection.read(buffer, have, room, left);
    }
  }

  @Override
  public void send(byte[] frame) throws IOException {
    connection.discardInput();
    long quiet = link.policy().interRequestDelay().toNanos();
    long wait = lastRequestNanos + quiet - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting the inter-request delay", e);
      }
    }
    connection.write(frame);
    lastRequestNanos = System.nanoTime();
  }

  @Override
  public <C extends Connection> C connection(Class<C> type) {
    if (!type.isInstance(connection)) {
      throw new IllegalStateException(link.id() + " has no " + type.getSimpleName());
    }
    return type.cast(connection);
  }

  @Override
  public long requestTimeoutMillis() {
    return link.policy().requestTimeout().toMillis();
  }

  public boolean isOpen() {
    return connection.isOpen();
  }

  @Override
  public void close() {
    connection.close();
  }
}
