package io.minicloud.mapper.tether;

import io.minicloud.mapper.api.ByteConnection;
import io.minicloud.mapper.tether.codec.DecodeResult;
import io.minicloud.mapper.tether.codec.FrameCodec;
import io.minicloud.mapper.tether.codec.FrameSplitter;
import io.minicloud.mapper.tether.codec.MessageType;
import io.minicloud.mapper.tether.codec.TetherFrame;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fake of the MCU for unit tests (the real one runs in simavr in the ITs): an in-memory line that
 * answers tether v1 requests the way the firmware does, minus pins and timing, and can drop replies
 * or "reset" (new nonce, configuration lost) on demand.
 */
final class FakeMcuLine implements ByteConnection {
  private final LinkedBlockingQueue<byte[]> toHost = new LinkedBlockingQueue<>();
  private final FrameSplitter splitter = new FrameSplitter();
  private final Map<Integer, Integer> modes = new HashMap<>();
  final Map<Integer, Integer> inputs = new HashMap<>();
  final List<String> applied = new ArrayList<>();
  private byte[] pending = new byte[0];
  private int pendingAt;
  private long nonce = 0x0001_2345L;
  private int dropReplies;
  private int passBeforeDrop;
  private int lastSeq = -1;
  private boolean open = true;
  private boolean tripped;

  synchronized void dropNextReplies(int n) {
    dropReplies(0, n);
  }

  /** Lets {@code after} replies through, then drops {@code count}. */
  synchronized void dropReplies(int after, int count) {
    passBeforeDrop = after;
    dropReplies = count;
  }

  /** Power cycle: a new nonce, every pin unconfigured. */
  synchronized void reset() {
    nonce += 0x1_0000L;
    modes.clear();
    lastSeq = -1;
    tripped = false;
  }

  synchronized void trip() {
    tripped = true;
    applied.add("SAFE");
  }

  synchronized long nonce() {
    return nonce;
  }

  @Override
  public synchronized void write(byte[] bytes) {
    for (byte[] encoded : splitter.feed(bytes, 0, bytes.length)) {
      if (FrameCodec.decode(encoded) instanceof DecodeResult.Ok ok) {
        answer(ok.frame());
      }
    }
  }

  private void answer(TetherFrame f) {
    byte[] b = f.body();
    boolean duplicate = f.seq() == lastSeq;
    lastSeq = f.seq();
    switch (f.type()) {
      case HELLO -> reply(f.seq(), MessageType.IDENTITY, identity());
      case CONFIG_PIN -> {
        modes.put(b[0] & 0xFF, (int) b[1]);
        reply(f.seq(), MessageType.ACK);
      }
      case SET -> {
        if (modes.get(b[0] & 0xFF) == null) {
          reply(f.seq(), MessageType.NACK, (byte) 6);
        } else if (tripped) {
          reply(f.seq(), MessageType.NACK, (byte) 8);
        } else {
          if (!duplicate) {
            applied.add((b[0] & 0xFF) + "=" + b[2]);
          }
          reply(f.seq(), MessageType.ACK);
        }
      }
      case READ -> {
        int pin = b[0] & 0xFF;
        if (modes.get(pin) == null) {
          reply(f.seq(), MessageType.NACK, (byte) 6);
        } else {
          int v = inputs.getOrDefault(pin, 0);
          reply(f.seq(), MessageType.REPORT, (byte) pin, (byte) (v >>> 8), (byte) v);
        }
      }
      case HEARTBEAT -> {
        if ((b[2] & 1) != 0) {
          tripped = false;
        }
        reply(f.seq(), MessageType.ACK);
      }
      default -> reply(f.seq(), MessageType.NACK, (byte) 2);
    }
  }

  private byte[] identity() {
    ByteArrayOutputStream id = new ByteArrayOutputStream();
    id.writeBytes(new byte[] {1, 1, 0, 0, 64, 0x01, (byte) 0xF4, 20});
    for (int pin = 0; pin < 20; pin++) {
      id.write(pin < 2 ? 0 : pin < 14 ? 7 : 15);
    }
    id.write(8);
    id.writeBytes("fake-mcu".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return id.toByteArray();
  }

  void event(int pin, int value) {
    reply(200, MessageType.EVENT, (byte) pin, (byte) 0, (byte) value);
  }

  private synchronized void reply(int seq, MessageType type, byte... rest) {
    if (passBeforeDrop > 0) {
      passBeforeDrop--;
    } else if (dropReplies > 0) {
      dropReplies--;
      return;
    }
    byte[] body = new byte[5 + rest.length];
    body[0] = (byte) (nonce >>> 24);
    body[1] = (byte) (nonce >>> 16);
    body[2] = (byte) (nonce >>> 8);
    body[3] = (byte) nonce;
    body[4] = (byte) (tripped ? 2 : 1);
    System.arraycopy(rest, 0, body, 5, rest.length);
    toHost.add(FrameCodec.encode(TetherFrame.of(seq, type, body)));
  }

  @Override
  public int read(byte[] buffer, int offset, int len, long timeoutMillis) throws EOFException {
    if (pendingAt >= pending.length) {
      byte[] next;
      try {
        next = toHost.poll(timeoutMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
      if (!open) {
        throw new EOFException("closed");
      }
      if (next == null) {
        return 0;
      }
      pending = next;
      pendingAt = 0;
    }
    int n = Math.min(len, pending.length - pendingAt);
    System.arraycopy(pending, pendingAt, buffer, offset, n);
    pendingAt += n;
    return n;
  }

  @Override
  public void discardInput() {
    toHost.clear();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
    toHost.add(new byte[0]);
  }
}
