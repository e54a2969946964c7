package io.minicloud.mapper.tether.sim;

import io.minicloud.mapper.api.ByteConnection;
import java.io.IOException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Copies bytes both ways between two serial lines (the socat end of the host's pty pair and the
 * board's pty), losing some on the way with a seeded {@link Random}: per byte, dropped with {@code
 * byteDrop}, XORed with a random non-zero mask with {@code byteCorrupt}; per frame (in frame mode,
 * cut at the 0x00 delimiter), the whole frame dropped with {@code frameDrop}.
 */
public final class LossyProxy implements AutoCloseable {

  /** Fault rates, each 0..1. */
  public record Faults(double byteDrop, double byteCorrupt, double frameDrop) {
    public static final Faults NONE = new Faults(0, 0, 0);
  }

  private final ByteConnection host;
  private final ByteConnection board;
  private final Faults faults;
  private final Random random;
  private final Thread toBoard;
  private final Thread toHost;
  private final AtomicLong copied = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong corrupted = new AtomicLong();
  private volatile boolean closed;
  private volatile IOException failure;

  public LossyProxy(ByteConnection host, ByteConnection board, Faults faults, long seed) {
    this.host = host;
    this.board = board;
    this.faults = faults;
    this.random = new Random(seed);
    this.toBoard = new Thread(() -> copy(host, board), "lossy-proxy-to-board");
    this.toHost = new Thread(() -> copy(board, host), "lossy-proxy-to-host");
    toBoard.setDaemon(true);
    toHost.setDaemon(true);
    toBoard.start();
    toHost.start();
  }

  private void copy(ByteConnection from, ByteConnection to) {
    byte[] in = new byte[256];
    java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
    try {
      while (!closed) {
        int n = from.read(in, 0, in.length, 50);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
          byte b = in[i];
          copied.incrementAndGet();
          synchronized (random) {
            if (random.nextDouble() < faults.byteDrop()) {
              dropped.incrementAndGet();
              continue;
            }
            if (random.nextDouble() < faults.byteCorrupt()) {
              corrupted.incrementAndGet();
              b ^= (byte) (1 + random.nextInt(255));
            }
          }
          if (faults.frameDrop() == 0) {
            out.write(b);
            continue;
          }
          frame.write(b);
          if (b == 0) {
            boolean lose;
            synchronized (random) {
              lose = frame.size() > 1 && random.nextDouble() < faults.frameDrop();
            }
            if (lose) {
              dropped.addAndGet(frame.size());
            } else {
              out.write(frame.toByteArray());
            }
            frame.reset();
          }
        }
        if (out.size() > 0) {
          to.write(out.toByteArray());
        }
      }
    } catch (IOException e) {
      if (!closed) {
        failure = e;
      }
    }
  }

  public long copied() {
    return copied.get();
  }

  public long dropped() {
    return dropped.get();
  }

  public long corrupted() {
    return corrupted.get();
  }

  /** The I/O error that stopped a copying thread, if any. */
  public IOException failure() {
    return failure;
  }

  @Override
  public void close() {
    closed = true;
    try {
      toBoard.join(1000);
      toHost.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    host.close();
    board.close();
  }
}
