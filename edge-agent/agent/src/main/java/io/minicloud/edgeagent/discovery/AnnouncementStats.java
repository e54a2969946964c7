package io.minicloud.edgeagent.discovery;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Counts sent and received announcements; the metrics binder reads them. */
public final class AnnouncementStats {
  private final Map<ReceiveOutcome, LongAdder> received = new EnumMap<>(ReceiveOutcome.class);
  private final LongAdder sent = new LongAdder();
  private final LongAdder sendFailures = new LongAdder();

  public AnnouncementStats() {
    for (ReceiveOutcome outcome : ReceiveOutcome.values()) {
      received.put(outcome, new LongAdder());
    }
  }

  void received(ReceiveOutcome outcome) {
    received.get(outcome).increment();
  }

  void sent() {
    sent.increment();
  }

  void sendFailed() {
    sendFailures.increment();
  }

  public long receivedCount(ReceiveOutcome outcome) {
    return received.get(outcome).sum();
  }

  public long sentCount() {
    return sent.sum();
  }

  public long sendFailures() {
    return sendFailures.sum();
  }
}
