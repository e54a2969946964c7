package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.LinkSpec;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.Value;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one owner of a physical link (a serial port, a TCP endpoint, a broker connection): nobody
 * else opens it. It runs {@link LinkPolicy#maxConnections()} workers (1 by default: a Modbus TCP
 * device that accepts one socket gets one), each with its own connection; they share the devices'
 * schedule. Writes go before reads; a device whose circuit is open is skipped until its probe is
 * due, so one dead unit on a shared bus does not starve the others.
 */
public final class LinkOwner implements AutoCloseable {
  private final LinkSpec spec;
  private final RuntimeMetrics metrics;
  private final Clock clock;
  private final Supplier<Backoff> backoffs;
  final ReentrantLock lock = new ReentrantLock();
  final Condition wake = lock.newCondition();
  final Map<String, ManagedDevice> devices = new LinkedHashMap<>();
  final ArrayDeque<LinkTask> writes = new ArrayDeque<>();
  final ArrayDeque<LinkTask> reads = new ArrayDeque<>();
  private final Map<ManagedDevice, LinkedHashSet<String>> pushed = new LinkedHashMap<>();
  private final List<LinkWorker> workers = new ArrayList<>();
  final AtomicLong reconnects = new AtomicLong();
  volatile boolean running = true;
  volatile String lastError;

  public LinkOwner(LinkSpec spec, RuntimeMetrics metrics, Clock clock, Supplier<Backoff> backoffs) {
    this.spec = spec;
    this.metrics = metrics;
    this.clock = clock;
    this.backoffs = backoffs;
  }

  public String id() {
    return spec.id();
  }

  LinkSpec spec() {
    return spec;
  }

  RuntimeMetrics metrics() {
    return metrics;
  }

  Clock clock() {
    return clock;
  }

  /** Starts the workers; devices may be attached before or after. */
  public void start() {
    for (int i = 0; i < spec.policy().maxConnections(); i++) {
      LinkWorker worker = new LinkWorker(this, i, backoffs.get());
      workers.add(worker);
      Thread thread = new Thread(worker, "link " + spec.id() + " #" + i);
      thread.setDaemon(true);
      worker.thread = thread;
      thread.start();
    }
  }

  /** Adds a device: its first poll is due now; connected workers attach it first. */
  public void attach(ManagedDevice device) {
    lock.lock();
    try {
      devices.put(device.name(), device);
      schedule(device, System.nanoTime());
      workers.forEach(w -> w.pendingAttach.add(device));
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Removes a device; its pending writes and reads fail. */
  public void detach(String name) {
    lock.lock();
    try {
      devices.remove(name);
      failTasks(t -> t.device().name().equals(name), "device " + name + " was removed");
      workers.forEach(w -> w.pendingAttach.removeIf(d -> d.name().equals(name)));
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** A polling-only change: new periods from now on, no reconnect, no re-attach. */
  public void rebind(BoundDevice next) {
    lock.lock();
    try {
      ManagedDevice device = devices.get(next.name());
      if (device != null) {
        device.rebind(next);
        device.nextDue.clear();
        schedule(device, System.nanoTime());
        wake.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  private static void schedule(ManagedDevice device, long now) {
    device.bound().properties().forEach(p -> device.nextDue.put(p.name(), now));
  }

  public boolean isEmpty() {
    lock.lock();
    try {
      return devices.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  public CompletableFuture<Void> write(ManagedDevice device, String property, Value raw) {
    CompletableFuture<Void> future = new CompletableFuture<>();
    enqueue(writes, new LinkTask.Write(device, property, raw, future));
    return future;
  }

  public CompletableFuture<List<PointResult>> read(ManagedDevice device, List<String> properties) {
    CompletableFuture<List<PointResult>> future = new CompletableFuture<>();
    enqueue(reads, new LinkTask.Read(device, List.copyOf(properties), future));
    return future;
  }

  /**
   * A device pushed data (see {@link io.minicloud.mapper.api.PushSignal}): read these properties
   * soon. Signals not yet served merge into one read, so a device notifying faster than the link
   * reads costs one read per turn, not a growing queue.
   */
  void pushed(ManagedDevice device, List<String> properties) {
    lock.lock();
    try {
      if (!running || devices.get(device.name()) != device) {
        return;
      }
      metrics.pushed(id(), device.name());
      LinkedHashSet<String> waiting = pushed.computeIfAbsent(device, d -> new LinkedHashSet<>());
      for (String property : properties) {
        if (device.bound().property(property).isPresent()) {
          waiting.add(property);
        }
      }
      if (waiting.isEmpty()) {
        pushed.remove(device);
      }
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The oldest pushed read, as a read nobody waits for; called with {@link #lock} held. */
  LinkTask.Read takePushed() {
    var first = pushed.entrySet().stream().findFirst();
    if (first.isEmpty()) {
      return null;
    }
    ManagedDevice device = first.get().getKey();
    List<String> properties = List.copyOf(first.get().getValue());
    pushed.remove(device);
    return new LinkTask.Read(device, properties, new CompletableFuture<>());
  }

  private void enqueue(ArrayDeque<LinkTask> queue, LinkTask task) {
    lock.lock();
    try {
      if (!running) {
        task.future()
            .completeExceptionally(new IllegalStateException("link " + id() + " is closed"));
        return;
      }
      queue.add(task);
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Whether at least one worker holds an open connection. */
  public boolean connected() {
    return workers.stream().anyMatch(w -> w.connected);
  }

  public long reconnects() {
    return reconnects.get();
  }

  public String lastError() {
    return lastError;
  }

  Collection<ManagedDevice> devicesSnapshot() {
    lock.lock();
    try {
      return List.copyOf(devices.values());
    } finally {
      lock.unlock();
    }
  }

  void failTasks(java.util.function.Predicate<LinkTask> which, String why) {
    for (ArrayDeque<LinkTask> queue : List.of(writes, reads)) {
      queue.removeIf(
          t -> {
            if (which.test(t)) {
              t.future().completeExceptionally(new IllegalStateException(why));
              return true;
            }
            return false;
          });
    }
  }

  /** Stops the workers, closes the connections, fails whatever was still queued. */
  @Override
  public void close() {
    lock.lock();
    try {
      running = false;
      pushed.clear();
      failTasks(t -> true, "link " + id() + " is closed");
      wake.signalAll();
    } finally {
      lock.unlock();
    }
    for (LinkWorker worker : workers) {
      worker.thread.interrupt();
    }
    for (LinkWorker worker : workers) {
      try {
        worker.thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
