package io.minicloud.mapper.firmata;

import io.minicloud.mapper.api.PushSignal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A push signal that remembers every property it was told about, in order. */
final class RecordingPushSignal implements PushSignal {
  private final List<String> changed = new ArrayList<>();

  @Override
  public synchronized void changed(List<String> properties) {
    changed.addAll(properties);
    notifyAll();
  }

  synchronized List<String> changed() {
    return List.copyOf(changed);
  }

  synchronized int count(String property) {
    return (int) changed.stream().filter(property::equals).count();
  }

  /** Waits until {@code property} was signalled more than {@code after} times. */
  synchronized boolean await(String property, int after, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (count(property) <= after) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }
}
