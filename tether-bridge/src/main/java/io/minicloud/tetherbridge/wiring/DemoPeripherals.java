package io.minicloud.tetherbridge.wiring;

import io.minicloud.mapper.coap.sim.SimulatedCoapSensor;
import io.minicloud.mapper.firmata.sim.StandardFirmataHex;
import io.minicloud.mapper.firmata.sim.VirtualBoard;
import io.minicloud.mapper.modbus.sim.SimulatedModbusSlave;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The simulated field devices of {@code minicloud demo} (DESIGN §3), so a newcomer sees live values
 * from every kind of device the bridge speaks to: a Modbus TCP climate controller, a CoAP sensor,
 * and an Arduino Uno running the stock StandardFirmata in simavr (only where simavr is installed).
 * Each is read through an ordinary device file, as a real device would be. Never started outside
 * the demo: every setting is empty by default.
 */
final class DemoPeripherals implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DemoPeripherals.class.getName());

  private final List<AutoCloseable> running = new ArrayList<>();
  private Thread boardStarter;

  void start(TetherBridgeOptions options) throws IOException {
    if (options.demoModbusPort().isPresent()) {
      SimulatedModbusSlave slave = SimulatedModbusSlave.start(options.demoModbusPort().getAsInt());
      running.add(slave);
      LOG.info(() -> "demo: simulated Modbus TCP climate controller on 127.0.0.1:" + slave.port());
    }
    if (options.demoCoapPort().isPresent()) {
      startCoapSensor(options.demoCoapPort().getAsInt());
    }
    options.demoFirmataLink().ifPresent(this::startBoardInBackground);
  }

  private void startCoapSensor(int port) {
    try {
      SimulatedCoapSensor sensor = SimulatedCoapSensor.start(port);
      running.add(sensor);
      LOG.info(() -> "demo: simulated CoAP sensor on " + sensor.uri());
    } catch (IOException | RuntimeException e) {
      // UDP: the demo's port check covers TCP only; one missing sensor must not stop the demo
      LOG.warning("demo: no CoAP sensor on UDP port " + port + ": " + e.getMessage());
    }
  }

  /**
   * The board needs the firmware (fetched with npm on first use) and a gcc build of the simavr
   * harness: seconds, so it comes up beside the bridge; its device's link reconnects until then.
   */
  private void startBoardInBackground(Path link) {
    if (!VirtualBoard.available()) {
      LOG.warning(
          "demo: no Firmata board (simavr is not installed:"
              + " apt-get install simavr libsimavr-dev libelf-dev gcc)");
      return;
    }
    boardStarter =
        new Thread(
            () -> {
              try {
                VirtualBoard board = VirtualBoard.start(StandardFirmataHex.path());
                synchronized (running) {
                  running.add(board);
                  running.add(() -> Files.deleteIfExists(link));
                }
                Files.createDirectories(link.toAbsolutePath().getParent());
                Files.deleteIfExists(link);
                Files.createSymbolicLink(link, Path.of(board.pty()));
                LOG.info(
                    () ->
                        "demo: Arduino Uno with StandardFirmata (simavr) on "
                            + link
                            + " -> "
                            + board.pty());
              } catch (IOException | RuntimeException e) {
                LOG.warning("demo: no Firmata board: " + e.getMessage());
              }
            },
            "demo-firmata-board");
    boardStarter.setDaemon(true);
    boardStarter.start();
  }

  @Override
  public void close() {
    if (boardStarter != null) {
      try {
        boardStarter.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (running) {
      for (AutoCloseable peripheral : running) {
        try {
          peripheral.close();
        } catch (Exception e) {
          LOG.log(Level.WARNING, "demo: stopping a simulated device failed", e);
        }
      }
      running.clear();
    }
  }
}
