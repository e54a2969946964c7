package io.minicloud.edgeagent.discovery;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.StandardSocketOptions;

/** A {@link MulticastChannel} over a real UDP multicast socket. */
public final class UdpMulticastChannel implements MulticastChannel {
  private final MulticastSocket socket;
  private final InetSocketAddress group;

  private UdpMulticastChannel(MulticastSocket socket, InetSocketAddress group) {
    this.socket = socket;
    this.group = group;
  }

  /** Joins the group on the configured interface and listens on the group's port. */
  public static UdpMulticastChannel open(MulticastSettings settings) throws IOException {
    NetworkInterface nif = NetworkInterfaces.forMulticast(settings.interfaceName());
    var group = new InetSocketAddress(settings.group(), settings.port());
    var socket = new MulticastSocket(null);
    try {
      // Several agents (and the Go node) on one host all listen on 4000.
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(settings.port()));
      socket.setNetworkInterface(nif);
      // Peers on the same host must hear each other; our own echo is dropped by node ID.
      socket.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
      // Link-local, like the Go node's default: a minicloud announces to its own site only.
      socket.setTimeToLive(1);
      socket.joinGroup(group, nif);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw new IOException(
          "cannot join " + group + " on interface " + nif.getName() + ": " + e.getMessage(), e);
    }
    return new UdpMulticastChannel(socket, group);
  }

  @Override
  public void send(byte[] payload) throws IOException {
    socket.send(new DatagramPacket(payload, payload.length, group));
  }

  @Override
  public Received receive(byte[] buffer) throws IOException {
    var packet = new DatagramPacket(buffer, buffer.length);
    socket.receive(packet);
    return new Received(packet.getLength(), packet.getSocketAddress());
  }

  @Override
  public void close() {
    socket.close();
  }
}
