package io.minicloud.mapper.api.transport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which serial device nodes this process holds, and through which configured name. jSerialComm
 * already takes an exclusive {@code flock} on the device when it opens it, so a second process (a
 * second bridge, picocom, ModemManager) cannot open an owned port; this registry adds the same rule
 * inside the process, where two configured names (a by-id symlink and {@code /dev/ttyUSB0}) could
 * otherwise reach one device through two link owners, and turns both cases into errors that say who
 * holds the port.
 */
final class PortClaims {
  private static final Map<Path, Claim> HELD = new ConcurrentHashMap<>();

  private PortClaims() {}

  /** A held device node; closing it releases the claim (once: closing again does nothing). */
  static final class Claim implements AutoCloseable {
    private final Path node;
    private final String configuredAs;

    private Claim(Path node, String configuredAs) {
      this.node = node;
      this.configuredAs = configuredAs;
    }

    @Override
    public void close() {
      HELD.remove(node, this);
    }
  }

  static Claim claim(Path node, String configuredAs) throws IOException {
    Claim claim = new Claim(node, configuredAs);
    Claim holder = HELD.putIfAbsent(node, claim);
    if (holder != null) {
      throw new IOException(
          "serial port "
              + configuredAs
              + " is "
              + node
              + ", which this bridge already owns as "
              + holder.configuredAs
              + ": one port has one owner (give every device on it the same port name)");
    }
    return claim;
  }
}
