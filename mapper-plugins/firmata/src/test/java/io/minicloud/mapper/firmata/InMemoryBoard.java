package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.ByteConnection;
import io.minicloud.mapper.api.contract.FrameScript;
import io.minicloud.mapper.api.contract.Hex;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * A fake board for unit tests (a serial port cannot be had without a peer): bytes the test emits
 * are what the host reads; what the host writes is kept, and, when a {@link FrameScript} is played,
 * checked byte for byte against its {@code >} lines, each answered by the {@code <} lines after it.
 */
final class InMemoryBoard implements ByteConnection {
  private final Deque<byte[]> toHost = new ArrayDeque<>();
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private final Deque<FrameScript.Step> script;
  private byte[] expected = new byte[0];
  private int matched;
  private boolean open = true;
  private boolean hostWaiting;

  /** Answers what the host writes, one write at a time (null: no answer). */
  interface Responder {
    String answer(byte[] written);
  }

  private final Responder responder;

  /** A board that answers nothing on its own. */
  InMemoryBoard() {
    this(written -> null);
  }

  /** A board whose answers a {@link Responder} computes. */
  InMemoryBoard(Responder responder) {
    this.script = null;
    this.responder = responder;
  }

  /** A board that plays {@code script}: leading board lines are sent at once. */
  InMemoryBoard(FrameScript script) {
    this.script = new ArrayDeque<>(script.steps());
    this.responder = null;
    synchronized (this) {
      advance();
    }
  }

  /** Sends bytes to the host, as if the board had written them to its UART. */
  synchronized void emit(byte[] bytes) {
    toHost.add(bytes.clone());
    notifyAll();
  }

  void emit(String hex) {
    emit(Hex.parse(hex));
  }

  /**
   * Waits until the host has taken every emitted byte and is back waiting for more, which its
   * reader only does once it has handled what it read.
   */
  synchronized void awaitIdle() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5000;
    while (!(toHost.isEmpty() && hostWaiting)) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        throw new AssertionError("the host did not take the board's bytes within 5 s");
      }
      wait(left);
    }
  }

  /** Everything the host wrote so far. */
  synchronized byte[] written() {
    return written.toByteArray();
  }

  /** Whether every scripted line was played. */
  synchronized boolean finished() {
    return script != null && script.isEmpty() && matched == expected.length;
  }

  synchronized String remaining() {
    return script == null ? "no script" : script.size() + " steps left, next " + describe();
  }

  private String describe() {
    FrameScript.Step next = script.peek();
    return next == null ? "none" : (next.request() ? "> " : "< ") + Hex.format(next.bytes());
  }

  /** Pulls board lines until the next host line, which becomes what writes must match. */
  private void advance() {
    while (!script.isEmpty() && !script.peek().request()) {
      FrameScript.Step reply = script.poll();
      if (!reply.silent()) {
        toHost.add(reply.bytes());
      }
    }
    FrameScript.Step request = script.poll();
    expected = request == null ? new byte[0] : request.bytes();
    matched = 0;
    notifyAll();
  }

  @Override
  public synchronized void write(byte[] bytes) throws IOException {
    if (!open) {
      throw new IOException("in-memory board closed");
    }
    written.writeBytes(bytes);
    if (script == null) {
      String answer = responder.answer(bytes);
      if (answer != null) {
        toHost.add(Hex.parse(answer));
        notifyAll();
      }
      return;
    }
    for (byte b : bytes) {
      if (matched == expected.length) {
        throw new AssertionError(
            "host wrote " + Hex.format(bytes) + " after the script's last host line");
      }
      if (expected[matched] != b) {
        throw new AssertionError(
            "host wrote "
                + Hex.format(bytes)
                + " where the script expects "
                + Hex.format(Arrays.copyOfRange(expected, matched, expected.length)));
      }
      if (++matched == expected.length && !script.isEmpty()) {
        advance();
      }
    }
  }

  @Override
  public synchronized int read(byte[] buffer, int offset, int len, long timeoutMillis)
      throws IOException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (open && toHost.isEmpty()) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return 0;
      }
      hostWaiting = true;
      notifyAll();
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      } finally {
        hostWaiting = false;
      }
    }
    if (!open) {
      throw new EOFException("in-memory board unplugged");
    }
    byte[] next = toHost.poll();
    int n = Math.min(len, next.length);
    System.arraycopy(next, 0, buffer, offset, n);
    if (n < next.length) {
      toHost.addFirst(Arrays.copyOfRange(next, n, next.length));
    }
    return n;
  }

  @Override
  public void discardInput() {}

  @Override
  public synchronized boolean isOpen() {
    return open;
  }

  /** Pulls the cable: the host's next read fails. */
  @Override
  public synchronized void close() {
    open = false;
    notifyAll();
  }

  static List<String> hex(byte[]... frames) {
    return Arrays.stream(frames).map(Hex::format).toList();
  }
}
