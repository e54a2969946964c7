package io.minicloud.edgeagent.discovery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/** A multicast channel in memory: tests push datagrams in and read what was sent. */
final class InMemoryChannel implements MulticastChannel {
  private static final byte[] CLOSED = new byte[0];
  private static final InetSocketAddress SENDER = new InetSocketAddress("192.0.2.99", 4000);

  final BlockingQueue<byte[]> inbox = new LinkedBlockingQueue<>();
  final List<byte[]> sent = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  @Override
  public void send(byte[] payload) {
    sent.add(payload.clone());
  }

  @Override
  public Received receive(byte[] buffer) throws IOException {
    byte[] datagram;
    try {
      datagram = inbox.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (datagram == CLOSED) {
      throw new IOException("channel closed");
    }
    // Like UDP: a datagram longer than the buffer is cut to it.
    int length = Math.min(datagram.length, buffer.length);
    System.arraycopy(datagram, 0, buffer, 0, length);
    return new Received(length, SENDER);
  }

  @Override
  public void close() {
    closed = true;
    inbox.add(CLOSED);
  }

  boolean isClosed() {
    return closed;
  }
}
