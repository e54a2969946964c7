package io.minicloud.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Whether a TCP port on the loopback address can still be bound. */
final class PortCheck {

  private PortCheck() {}

  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
