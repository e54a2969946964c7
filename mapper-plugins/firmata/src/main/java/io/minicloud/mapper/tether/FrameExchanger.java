package io.minicloud.mapper.tether;

import io.minicloud.mapper.api.ByteConnection;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.tether.codec.DecodeResult;
import io.minicloud.mapper.tether.codec.FrameCodec;
import io.minicloud.mapper.tether.codec.FrameSplitter;
import io.minicloud.mapper.tether.codec.McuMessage;
import io.minicloud.mapper.tether.codec.MessageType;
import io.minicloud.mapper.tether.codec.Request;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Stop-and-wait over one byte line: one request in flight, matched to its reply by sequence number,
 * re-sent unchanged on timeout (bounded by the {@link RetryPolicy}). A reader thread decodes
 * everything the MCU sends; replies go to the waiting request, events to a listener.
 */
final class FrameExchanger implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(FrameExchanger.class.getName());
  private static final byte[] DELIMITER = {0};

  private final ByteConnection line;
  private final RetryPolicy retry;
  private final SequenceNumbers seq;
  private final LinkCounters counters;
  private final Consumer<McuMessage> events;
  private final BlockingQueue<McuMessage> replies = new LinkedBlockingQueue<>();
  private final Thread reader;
  private volatile int awaiting = -1;
  private volatile boolean closed;
  private volatile IOException failure;
  private long minIntervalNanos;
  private long lastSend;

  FrameExchanger(
      ByteConnection line,
      RetryPolicy retry,
      SequenceNumbers seq,
      LinkCounters counters,
      Consumer<McuMessage> events,
      String name) {
    this.line = line;
    this.retry = retry;
    this.seq = seq;
    this.counters = counters;
    this.events = events;
    this.reader = new Thread(this::readLoop, "tether-reader-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Paces requests to the rate the MCU promised in its identity. */
  synchronized void maxRate(int requestsPerSecond) {
    minIntervalNanos = requestsPerSecond <= 0 ? 0 : 1_000_000_000L / requestsPerSecond;
  }

  /**
   * Sends a request and returns its reply (ACK, NACK, IDENTITY or REPORT).
   *
   * @throws DeviceException ({@link ErrorKind#TIMEOUT}) when no attempt got an intact reply
   * @throws IOException when the line failed
   */
  synchronized McuMessage request(Request request) throws IOException {
    int number = seq.next();
    byte[] wire = FrameCodec.encode(request.frame(number));
    counters.requests.incrementAndGet();
    replies.clear();
    awaiting = number;
    try {
      for (int attempt = 1; attempt <= retry.attempts(); attempt++) {
        if (attempt > 1) {
          counters.retries.incrementAndGet();
        }
        send(wire);
        Optional<McuMessage> reply = await(number);
        if (reply.isPresent()) {
          return reply.get();
        }
      }
    } finally {
      awaiting = -1;
    }
    counters.failures.incrementAndGet();
    throw new DeviceException(
        ErrorKind.TIMEOUT,
        request.type()
            + " #"
            + number
            + ": no intact reply in "
            + retry.attempts()
            + " attempts of "
            + retry.responseTimeout().toMillis()
            + " ms");
  }

  private void send(byte[] wire) throws IOException {
    checkOpen();
    long wait = lastSend + minIntervalNanos - System.nanoTime();
    if (wait > 0) {
      sleepNanos(wait);
    }
    // a leading delimiter ends whatever partial frame line noise left in the MCU's buffer
    line.write(DELIMITER);
    line.write(wire);
    lastSend = System.nanoTime();
  }

  private Optional<McuMessage> await(int number) throws IOException {
    long deadline = System.nanoTime() + retry.responseTimeout().toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      McuMessage reply;
      try {
        reply = replies.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the MCU", e);
      }
      checkOpen();
      if (reply != null && reply.seq() == number) {
        return Optional.of(reply);
      }
    }
  }

  private void readLoop() {
    byte[] buffer = new byte[256];
    FrameSplitter splitter = new FrameSplitter();
    try {
      while (!closed) {
        int n = line.read(buffer, 0, buffer.length, 100);
        for (byte[] encoded : splitter.feed(buffer, 0, n)) {
          received(encoded);
        }
      }
    } catch (IOException e) {
      if (!closed) {
        LOG.log(System.Logger.Level.WARNING, "tether line failed: " + e.getMessage());
        failure = e;
      }
    } finally {
      closed = true;
      replies.offer(new McuMessage(-1, MessageType.NACK, 0, 0, new byte[0])); // wakes a waiter
    }
  }

  private void received(byte[] encoded) {
    DecodeResult result = FrameCodec.decode(encoded);
    Optional<McuMessage> message =
        result instanceof DecodeResult.Ok ok ? McuMessage.parse(ok.frame()) : Optional.empty();
    if (message.isEmpty()) {
      counters.badFrames.incrementAndGet();
      return;
    }
    McuMessage m = message.get();
    if (m.type() == MessageType.EVENT) {
      counters.events.incrementAndGet();
      events.accept(m);
    } else if (m.seq() == awaiting) {
      replies.offer(m);
    } else {
      counters.staleReplies.incrementAndGet();
    }
  }

  private void checkOpen() throws IOException {
    if (closed) {
      IOException cause = failure;
      throw cause != null
          ? new IOException("the tether line failed: " + cause.getMessage(), cause)
          : new IOException("the tether line is closed");
    }
  }

  boolean isOpen() {
    return !closed && line.isOpen();
  }

  private static void sleepNanos(long nanos) throws IOException {
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while pacing requests", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    line.close();
    try {
      reader.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
