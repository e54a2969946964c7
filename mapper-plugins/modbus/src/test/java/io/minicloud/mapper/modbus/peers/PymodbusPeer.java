package io.minicloud.mapper.modbus.peers;

import io.minicloud.mapper.api.peers.PeerProcess;
import io.minicloud.mapper.api.peers.PtyPair;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * A real pymodbus 3.0 slave (Debian's python3-pymodbus) for peer tests: Modbus TCP or RTU over TCP
 * on a free loopback port, or RTU on one end of a socat pty pair (the other end, {@link
 * #serialDevice()}, is the bus a master opens). Serves the unit ids it is given, with initial
 * register values; every other unit id stays silent, like a dead unit on a shared bus. {@link
 * #stop()} and {@link #start()} kill and restart the slave (values back to their initial state); on
 * RTU the pty pair stays, as a bus stays when a device dies.
 *
 * <pre>{@code
 * try (PymodbusPeer peer = PymodbusPeer.builder(dir, PymodbusPeer.Mode.TCP)
 *     .holding(1, 0, 0x41A8, 0x0000).coils(1, 3, true).unit(17).start()) { ... }
 * }</pre>
 */
public final class PymodbusPeer implements AutoCloseable {
  public static final String PYTHON = "/usr/bin/python3";
  private static final String SCRIPT = "pymodbus_slave.py";

  /** How the slave is reached. */
  public enum Mode {
    TCP("tcp"),
    RTU_OVER_TCP("rtu-over-tcp"),
    RTU("rtu");

    private final String configName;

    Mode(String configName) {
      this.configName = configName;
    }

    /** The spelling of the mapper's {@code mode} setting (and of the script's). */
    public String configName() {
      return configName;
    }
  }

  private final Path dir;
  private final Mode mode;
  private final int port;
  private Process slave;
  private PtyPair socat;

  private PymodbusPeer(Path dir, Mode mode) {
    this.dir = dir;
    this.mode = mode;
    this.port = mode == Mode.RTU ? 0 : PeerProcess.freePort();
  }

  /**
   * Null when the peer can run here, else what is missing (for an assumption message): pymodbus and
   * pyserial for {@code /usr/bin/python3}, and socat for RTU.
   */
  public static String missing(Mode mode) {
    if (!Files.isExecutable(Path.of(PYTHON))) {
      return PYTHON + " is not installed";
    }
    try {
      Process p =
          new ProcessBuilder(PYTHON, "-c", "import pymodbus.server, serial")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return "pymodbus is not usable (apt-get install python3-pymodbus python3-serial"
            + " python3-serial-asyncio): "
            + out.strip();
      }
    } catch (IOException e) {
      return "cannot run " + PYTHON + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while checking pymodbus";
    }
    if (mode == Mode.RTU && !PeerProcess.onPath("socat")) {
      return "socat is not installed (apt-get install socat)";
    }
    return null;
  }

  public static Builder builder(Path dir, Mode mode) {
    return new Builder(dir, mode);
  }

  /** Collects units and initial values; {@link #start()} writes the config and starts. */
  public static final class Builder {
    private final Path dir;
    private final Mode mode;
    private final Map<Integer, Map<String, Map<Integer, Integer>>> units = new TreeMap<>();
    private int size = 1000;
    private boolean broadcast;

    private Builder(Path dir, Mode mode) {
      this.dir = dir;
      this.mode = mode;
    }

    /** Serves {@code unit} (all registers 0 unless set). */
    public Builder unit(int unit) {
      units.computeIfAbsent(unit, u -> new TreeMap<>());
      return this;
    }

    public Builder holding(int unit, int address, int... words) {
      return set(unit, "hr", address, words);
    }

    public Builder input(int unit, int address, int... words) {
      return set(unit, "ir", address, words);
    }

    public Builder coils(int unit, int address, boolean... states) {
      return set(unit, "co", address, bits(states));
    }

    public Builder discrete(int unit, int address, boolean... states) {
      return set(unit, "di", address, bits(states));
    }

    /** Items per table (default 1000); addresses past it answer "illegal data address". */
    public Builder size(int items) {
      this.size = items;
      return this;
    }

    /** Treat unit 0 as broadcast (pymodbus's {@code broadcast_enable}). */
    public Builder broadcast(boolean enabled) {
      this.broadcast = enabled;
      return this;
    }

    public PymodbusPeer start() throws IOException, InterruptedException {
      Files.createDirectories(dir);
      PymodbusPeer peer = new PymodbusPeer(dir, mode);
      Files.writeString(dir.resolve("slave.json"), json(peer));
      try (InputStream script = PymodbusPeer.class.getResourceAsStream(SCRIPT)) {
        if (script == null) {
          throw new IOException(SCRIPT + " is not on the class path next to PymodbusPeer");
        }
        Files.write(dir.resolve(SCRIPT), script.readAllBytes());
      }
      try {
        if (mode == Mode.RTU) {
          peer.startSocat();
        }
        peer.start();
      } catch (IOException | InterruptedException | RuntimeException e) {
        peer.close();
        throw e;
      }
      return peer;
    }

    private Builder set(int unit, String table, int address, int[] values) {
      Map<Integer, Integer> cells =
          unit(unit).units.get(unit).computeIfAbsent(table, t -> new TreeMap<>());
      for (int i = 0; i < values.length; i++) {
        cells.put(address + i, values[i]);
      }
      return this;
    }

    private static int[] bits(boolean[] states) {
      int[] bits = new int[states.length];
      for (int i = 0; i < states.length; i++) {
        bits[i] = states[i] ? 1 : 0;
      }
      return bits;
    }

    private String json(PymodbusPeer peer) {
      List<String> unitJson = new ArrayList<>();
      units.forEach(
          (unit, tables) -> {
            List<String> tableJson = new ArrayList<>();
            tables.forEach(
                (table, cells) -> {
                  List<String> cellJson = new ArrayList<>();
                  cells.forEach((a, v) -> cellJson.add("\"" + a + "\": " + v));
                  tableJson.add("\"" + table + "\": {" + String.join(", ", cellJson) + "}");
                });
            unitJson.add("\"" + unit + "\": {" + String.join(", ", tableJson) + "}");
          });
      return "{\"mode\": \""
          + mode.configName
          + "\", \"port\": "
          + peer.port
          + ", \"device\": \""
          + peer.slaveDevice()
          + "\", \"size\": "
          + size
          + ", \"broadcast\": "
          + broadcast
          + ", \"units\": {"
          + String.join(", ", unitJson)
          + "}}\n";
    }
  }

  private void startSocat() throws IOException, InterruptedException {
    socat = PtyPair.start(slaveDevice(), serialDevice(), dir.resolve("socat.log"));
  }

  /** (Re)starts the slave and waits until it serves. */
  public void start() throws IOException, InterruptedException {
    if (running()) {
      return;
    }
    Path log = log();
    long mark = Files.exists(log) ? Files.size(log) : 0;
    slave =
        PeerProcess.start(
            List.of(PYTHON, dir.resolve(SCRIPT).toString(), dir.resolve("slave.json").toString()),
            log);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!readySince(log, mark)) {
      if (!slave.isAlive()) {
        throw new IOException(
            "pymodbus exited with " + slave.exitValue() + ":\n" + PeerProcess.tail(log));
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("pymodbus not ready after 20 s:\n" + PeerProcess.tail(log));
      }
      Thread.sleep(25);
    }
  }

  private static boolean readySince(Path log, long mark) throws IOException {
    if (!Files.exists(log) || Files.size(log) <= mark) {
      return false;
    }
    byte[] all = Files.readAllBytes(log);
    return new String(all, (int) mark, all.length - (int) mark).contains("READY");
  }

  /** Kills the slave (the pty pair of an RTU bus stays). */
  public void stop() throws InterruptedException {
    PeerProcess.stop(slave);
  }

  public boolean running() {
    return slave != null && slave.isAlive();
  }

  public Mode mode() {
    return mode;
  }

  /** The TCP port (TCP and RTU over TCP). */
  public int port() {
    if (mode == Mode.RTU) {
      throw new IllegalStateException("an RTU peer has no port; use serialDevice()");
    }
    return port;
  }

  /** The pty a master opens (RTU): {@code <dir>/bus}. */
  public Path serialDevice() {
    return dir.resolve("bus");
  }

  private Path slaveDevice() {
    return dir.resolve("slave-side");
  }

  public Path log() {
    return dir.resolve("pymodbus.log");
  }

  /** Stops the slave and socat; an interrupt is kept for the caller, not swallowed. */
  @Override
  public void close() {
    try {
      stop();
      if (socat != null) {
        socat.close();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(slaveDevice());
      Files.deleteIfExists(serialDevice());
    } catch (IOException e) {
      // socat removes its links itself on SIGTERM; a leftover link in a temp dir is harmless
    }
  }
}
