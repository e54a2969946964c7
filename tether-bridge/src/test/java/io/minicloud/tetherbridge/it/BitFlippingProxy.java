package io.minicloud.tetherbridge.it;

import io.minicloud.mapper.api.peers.PeerProcess;
import io.minicloud.mapper.api.transport.SerialConnection;
import io.minicloud.mapper.api.transport.SerialSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A noisy stretch of RS-485 between the bridge and an RTU slave: a second socat pty pair gives the
 * bridge its own bus ({@link #bridgeSide()}); a thread carries each request to the slave's bus and
 * its reply back, flipping one random bit in the data or CRC bytes of some replies. Header bytes
 * are left alone so every corrupted reply keeps its length and can only fail its CRC (CRC-16 finds
 * every single-bit error): what the bridge makes of it is then exactly countable.
 */
final class BitFlippingProxy implements AutoCloseable {
  private static final int BAUD = 19200;

  private final Path dir;
  private final Process socat;
  private final SerialConnection toBridge;
  private final SerialConnection toSlave;
  private final Random random;
  private final double probability;
  private final AtomicLong replies = new AtomicLong();
  private final AtomicLong flipped = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Exception failure;

  private BitFlippingProxy(
      Path dir,
      Process socat,
      SerialConnection toBridge,
      SerialConnection toSlave,
      double p,
      long seed) {
    this.dir = dir;
    this.socat = socat;
    this.toBridge = toBridge;
    this.toSlave = toSlave;
    this.probability = p;
    this.random = new Random(seed);
    this.thread = new Thread(this::run, "bit-flipping proxy");
    this.thread.setDaemon(true);
  }

  /**
   * @param slaveBus the bus end of the slave's pty pair ({@code PymodbusPeer.serialDevice()})
   * @param probability of flipping one bit in a reply
   */
  static BitFlippingProxy start(Path dir, Path slaveBus, double probability, long seed)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path bridge = dir.resolve("bridge-bus");
    Path proxy = dir.resolve("proxy-side");
    Process socat =
        PeerProcess.start(
            List.of("socat", "pty,raw,echo=0,link=" + bridge, "pty,raw,echo=0,link=" + proxy),
            dir.resolve("socat.log"));
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!(Files.exists(bridge) && Files.exists(proxy))) {
      if (!socat.isAlive() || System.nanoTime() > deadline) {
        PeerProcess.stop(socat);
        throw new IOException(
            "socat made no pty pair:\n" + PeerProcess.tail(dir.resolve("socat.log")));
      }
      Thread.sleep(20);
    }
    SerialConnection toBridge = open(proxy);
    SerialConnection toSlave = open(slaveBus);
    BitFlippingProxy started =
        new BitFlippingProxy(dir, socat, toBridge, toSlave, probability, seed);
    started.thread.start();
    return started;
  }

  private static SerialConnection open(Path pty) throws IOException {
    return SerialConnection.open(
        new SerialSettings(pty.toString(), BAUD, 8, SerialSettings.Parity.NONE, 1));
  }

  /** The serial port the bridge opens. */
  Path bridgeSide() {
    return dir.resolve("bridge-bus");
  }

  /** Replies carried back to the bridge. */
  long replies() {
    return replies.get();
  }

  /** Replies carried back with a bit flipped. */
  long flipped() {
    return flipped.get();
  }

  /** Why the proxy thread stopped early, or null. */
  Exception failure() {
    return failure;
  }

  private void run() {
    try {
      while (running) {
        byte[] request = readFrame(toBridge, 100, BitFlippingProxy::requestLength);
        if (request == null) {
          continue;
        }
        toSlave.discardInput();
        toSlave.write(request);
        byte[] reply = readFrame(toSlave, 2000, BitFlippingProxy::replyLength);
        if (reply == null) {
          continue; // a dead unit: the bridge times out
        }
        if (reply.length > 5 && random.nextDouble() < probability) {
          int bit = random.nextInt((reply.length - 3) * 8);
          reply[3 + bit / 8] ^= (byte) (1 << (bit % 8));
          flipped.incrementAndGet();
        }
        replies.incrementAndGet();
        toBridge.write(reply);
      }
    } catch (IOException | RuntimeException e) {
      if (running) {
        failure = e;
      }
    }
  }

  /** Length of a frame from its first bytes, or 0 when more bytes are needed to tell. */
  private interface Framing {
    int length(byte[] frame, int have);
  }

  private static int requestLength(byte[] f, int have) {
    if (have < 2) {
      return 0;
    }
    int function = f[1] & 0xFF;
    if (function == 15 || function == 16) {
      return have < 7 ? 0 : 9 + (f[6] & 0xFF);
    }
    return 8;
  }

  private static int replyLength(byte[] f, int have) {
    if (have < 3) {
      return 0;
    }
    int function = f[1] & 0xFF;
    if ((function & 0x80) != 0) {
      return 5;
    }
    return function <= 4 ? 5 + (f[2] & 0xFF) : 8;
  }

  /** One frame, or null when nothing (complete) came within {@code timeoutMillis}. */
  private static byte[] readFrame(SerialConnection port, long timeoutMillis, Framing framing)
      throws IOException {
    byte[] buffer = new byte[300];
    int have = 0;
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (true) {
      int need = framing.length(buffer, have);
      if (need > 0 && have >= need) {
        return Arrays.copyOf(buffer, need);
      }
      long left = (deadline - System.nanoTime()) / 1_000_000L;
      if (left <= 0 || (need > buffer.length)) {
        return null;
      }
      int want = need > 0 ? need - have : 1;
      int got = port.read(buffer, have, want, left);
      if (have == 0 && got > 0) {
        // the frame has started: give its rest time to arrive, whatever the wait for its start
        deadline = System.nanoTime() + Math.max(timeoutMillis, 200) * 1_000_000L;
      }
      have += got;
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(5000);
      PeerProcess.stop(socat);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      toBridge.close();
      toSlave.close();
    }
  }
}
