package io.minicloud.edgeagent.discovery;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketAddress;

/**
 * Moves announcement datagrams to and from the multicast group. A transport only: the codec and the
 * peer table live elsewhere, so tests can feed datagrams without a network.
 */
public interface MulticastChannel extends Closeable {

  /** Sends one datagram to the group. */
  void send(byte[] payload) throws IOException;

  /**
   * Blocks until a datagram arrives and copies it into {@code buffer}. A datagram longer than the
   * buffer is cut to its length, so callers pass one byte more than they accept.
   */
  Received receive(byte[] buffer) throws IOException;

  /** Unblocks {@link #receive} with an exception and releases the socket. */
  @Override
  void close();

  /** What arrived: its length in the buffer and who sent it. */
  record Received(int length, SocketAddress sender) {}

  /** Opens a channel for the given settings; the agent's is {@link UdpMulticastChannel#open}. */
  @FunctionalInterface
  interface Factory {
    MulticastChannel open(MulticastSettings settings) throws IOException;
  }
}
