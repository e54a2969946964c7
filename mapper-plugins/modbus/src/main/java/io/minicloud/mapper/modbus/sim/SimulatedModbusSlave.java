package io.minicloud.mapper.modbus.sim;

import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.FrameReader;
import io.minicloud.mapper.modbus.codec.ExceptionCode;
import io.minicloud.mapper.modbus.codec.ModbusRequest;
import io.minicloud.mapper.modbus.codec.RejectedRequestException;
import io.minicloud.mapper.modbus.codec.ReplyPduCodec;
import io.minicloud.mapper.modbus.codec.RequestPduCodec;
import io.minicloud.mapper.modbus.codec.TcpFramer;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A small Modbus TCP slave on 127.0.0.1 for the demo: one {@link SlaveMemory} per unit id, one
 * thread per client connection. A request for a unit it does not have is answered "gateway target
 * device failed to respond", as a Modbus TCP gateway answers for a dead unit behind it.
 */
public final class SimulatedModbusSlave implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(SimulatedModbusSlave.class.getName());

  private final ServerSocket server;
  private final Map<Integer, SlaveMemory> units;
  private final SimulatedClimateDevice climate;
  private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

  private SimulatedModbusSlave(
      ServerSocket server, Map<Integer, SlaveMemory> units, SimulatedClimateDevice climate) {
    this.server = server;
    this.units = Map.copyOf(units);
    this.climate = climate;
  }

  /**
   * Starts the demo slave: a {@link SimulatedClimateDevice} at unit {@value
   * SimulatedClimateDevice#UNIT} whose values move every second.
   *
   * @param port the TCP port, or 0 for any free one (see {@link #port()})
   */
  public static SimulatedModbusSlave start(int port) throws IOException {
    SimulatedClimateDevice climate = SimulatedClimateDevice.start();
    try {
      return start(port, Map.of(SimulatedClimateDevice.UNIT, climate.memory()), climate);
    } catch (IOException e) {
      climate.close();
      throw e;
    }
  }

  /** Starts a slave serving the given units; their values change only when written. */
  public static SimulatedModbusSlave start(int port, Map<Integer, SlaveMemory> units)
      throws IOException {
    return start(port, units, null);
  }

  private static SimulatedModbusSlave start(
      int port, Map<Integer, SlaveMemory> units, SimulatedClimateDevice climate)
      throws IOException {
    ServerSocket server = new ServerSocket(port, 16, InetAddress.getLoopbackAddress());
    SimulatedModbusSlave slave = new SimulatedModbusSlave(server, units, climate);
    Thread acceptor = new Thread(slave::acceptLoop, "modbus-sim-accept-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
    return slave;
  }

  public int port() {
    return server.getLocalPort();
  }

  /** The unit's memory, to set or inspect values; null when the slave has no such unit. */
  public SlaveMemory unit(int id) {
    return units.get(id);
  }

  /** The moving demo device, or null for a slave started with fixed units. */
  public SimulatedClimateDevice climate() {
    return climate;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        clients.add(client);
        Thread handler = new Thread(() -> serve(client), "modbus-sim-" + client.getPort());
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.log(Level.WARNING, "simulated Modbus slave: accept failed", e);
        }
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      while (true) {
        byte[] request = readFrame(in);
        client.getOutputStream().write(TcpFramer.replyTo(request, reply(request)));
      }
    } catch (EOFException | SocketException closed) {
      // the client went away, or close() shut the socket: nothing to answer any more
    } catch (IOException e) {
      LOG.log(Level.INFO, "simulated Modbus slave: dropping a client after a bad frame", e);
    } finally {
      clients.remove(client);
    }
  }

  private byte[] reply(byte[] frame) {
    byte[] pdu = TcpFramer.pdu(frame);
    SlaveMemory memory = units.get(TcpFramer.unit(frame));
    if (memory == null) {
      return ReplyPduCodec.encodeException(pdu[0] & 0x7F, ExceptionCode.GATEWAY_TARGET_NO_RESPONSE);
    }
    try {
      ModbusRequest request = RequestPduCodec.decode(TcpFramer.unit(frame), pdu);
      return memory.apply(request);
    } catch (RejectedRequestException e) {
      return ReplyPduCodec.encodeException(e.function() & 0x7F, e.code());
    }
  }

  /** Reads one MBAP frame; a frame that cannot be Modbus TCP ends the connection. */
  private static byte[] readFrame(InputStream in) throws IOException {
    byte[] buffer = new byte[TcpFramer.MAX_FRAME];
    int have = 0;
    int need = FrameReader.NEED_MORE;
    while (need == FrameReader.NEED_MORE || have < need) {
      int wanted = need == FrameReader.NEED_MORE ? 6 - have : need - have;
      int n = in.read(buffer, have, wanted);
      if (n < 0) {
        throw new EOFException("client closed the connection");
      }
      have += n;
      try {
        need = TcpFramer.frameLength(buffer, have);
      } catch (DeviceException e) {
        throw new IOException("not a Modbus TCP frame: " + e.getMessage(), e);
      }
    }
    return java.util.Arrays.copyOf(buffer, need);
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "simulated Modbus slave: closing the listener", e);
    }
    for (Socket client : clients) {
      try {
        client.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "simulated Modbus slave: closing a client", e);
      }
    }
    if (climate != null) {
      climate.close();
    }
  }
}
