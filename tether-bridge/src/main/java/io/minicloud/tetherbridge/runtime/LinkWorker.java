package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.Connection;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.ErrorKind;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.PushSignal;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection of a link and the thread that uses it: connect (with backoff and jitter), attach
 * the devices, then serve writes, on-demand reads and due polls until the connection fails.
 */
final class LinkWorker implements Runnable {
  private static final Logger LOG = Logger.getLogger(LinkWorker.class.getName());
  private static final Set<ErrorKind> RETRIED = Set.of(ErrorKind.CRC, ErrorKind.MALFORMED);

  private final LinkOwner owner;
  private final int index;
  private final Backoff backoff;
  final Set<ManagedDevice> pendingAttach = ConcurrentHashMap.newKeySet();
  volatile boolean connected;
  Thread thread;

  LinkWorker(LinkOwner owner, int index, Backoff backoff) {
    this.owner = owner;
    this.index = index;
    this.backoff = backoff;
  }

  @Override
  public void run() {
    boolean everConnected = false;
    while (owner.running) {
      Connection connection;
      try {
        connection = owner.spec().opener().open();
      } catch (IOException | RuntimeException e) {
        linkDown("cannot connect: " + e.getMessage());
        sleep(backoff.nextDelayMillis());
        continue;
      }
      if (everConnected) {
        owner.reconnects.incrementAndGet();
        owner.metrics().reconnect(owner.id());
      }
      everConnected = true;
      backoff.reset();
      connected = true;
      CoreLinkSession session =
          new CoreLinkSession(
              owner.id(), connection, owner.spec().policy(), owner.metrics(), owner.clock());
      pendingAttach.addAll(owner.devicesSnapshot());
      try {
        serve(session, connection);
      } catch (IOException e) {
        linkDown(e.getMessage() == null ? e.toString() : e.getMessage());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "link " + owner.id() + ": a driver failed, reconnecting", e);
        linkDown("driver error: " + e);
      } finally {
        connected = false;
        connection.close();
      }
      if (owner.running) {
        sleep(backoff.nextDelayMillis());
      }
    }
  }

  private void serve(CoreLinkSession session, Connection connection) throws IOException {
    while (owner.running && connection.isOpen()) {
      for (ManagedDevice device : List.copyOf(pendingAttach)) {
        pendingAttach.remove(device);
        session.serve(device.frames());
        session.pushTo(properties -> owner.pushed(device, properties));
        try {
          device.bound().driver().attach(session);
        } catch (DeviceException e) {
          fail(device, e);
        } finally {
          session.pushTo(PushSignal.NONE);
        }
      }
      Object work = next(connection);
      if (work instanceof LinkTask.Write w) {
        write(session, w);
      } else if (work instanceof LinkTask.Read r) {
        readNow(session, r);
      } else if (work instanceof PollPlan.Poll p) {
        poll(session, p);
      }
    }
  }

  /**
   * Blocks until there is work: a write, a read, a pushed read, a due poll, or a device to attach;
   * or until the connection closed (checked at least every second, so a message link that dies
   * between hourly polls is reconnected at once, not at the next poll).
   */
  private Object next(Connection connection) {
    owner.lock.lock();
    try {
      while (owner.running && pendingAttach.isEmpty() && connection.isOpen()) {
        LinkTask task = firstWanted(owner.writes);
        if (task == null) {
          task = firstWanted(owner.reads);
        }
        if (task == null) {
          task = owner.takePushed();
        }
        if (task != null) {
          return task;
        }
        long now = System.nanoTime();
        PollPlan.Poll poll = PollPlan.take(owner.devices.values(), now);
        if (poll != null) {
          return poll;
        }
        long due = PollPlan.nextDue(owner.devices.values());
        long wait = due == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(1) : Math.max(1, due - now);
        owner.wake.awaitNanos(Math.min(wait, TimeUnit.SECONDS.toNanos(1)));
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      owner.lock.unlock();
    }
  }

  /** The first queued task whose caller still waits; timed-out (or cancelled) ones are dropped. */
  private static LinkTask firstWanted(java.util.ArrayDeque<LinkTask> queue) {
    LinkTask task;
    while ((task = queue.poll()) != null) {
      if (!task.future().isDone()) {
        return task;
      }
    }
    return null;
  }

  private void poll(CoreLinkSession session, PollPlan.Poll poll) throws IOException {
    ManagedDevice device = poll.device();
    long start = System.nanoTime();
    try {
      session.serve(device.frames());
      List<PointResult> results = readWithRetry(session, device, poll.properties());
      boolean anyOk = results.stream().anyMatch(PointResult::isOk);
      if (anyOk) {
        synchronized (device.breaker()) {
          device.breaker().success();
        }
        device.onResults(results, owner.clock().instant());
      } else {
        device.onResults(results, owner.clock().instant());
        if (failBreaker(device, results.get(0).error())) {
          device.onCircuitOpen();
        }
      }
    } catch (DeviceException e) {
      fail(device, e);
    } finally {
      owner.metrics().polled(owner.id(), device.name(), System.nanoTime() - start);
      release(device);
    }
  }

  /** A corrupt reply (CRC, framing) is asked for once more; a silent device is not. */
  private List<PointResult> readWithRetry(
      CoreLinkSession session, ManagedDevice device, List<String> properties) throws IOException {
    List<PointResult> results = device.bound().driver().read(session, properties);
    List<String> corrupt = new ArrayList<>();
    results.stream()
        .filter(r -> !r.isOk() && RETRIED.contains(r.error().kind()))
        .forEach(r -> corrupt.add(r.property()));
    if (corrupt.isEmpty()) {
      return results;
    }
    owner.metrics().retry(owner.id(), device.name());
    List<PointResult> again = device.bound().driver().read(session, corrupt);
    List<PointResult> merged = new ArrayList<>(results.size());
    for (PointResult r : results) {
      merged.add(
          again.stream().filter(a -> a.property().equals(r.property())).findFirst().orElse(r));
    }
    return merged;
  }

  private void write(CoreLinkSession session, LinkTask.Write task) throws IOException {
    ManagedDevice device = task.device();
    session.serve(device.frames());
    try {
      device.bound().driver().write(session, task.property(), task.raw());
      owner.metrics().write(owner.id(), device.name(), true);
      task.future().complete(null);
    } catch (DeviceException e) {
      owner.metrics().write(owner.id(), device.name(), false);
      task.future().completeExceptionally(e);
    } catch (IOException | RuntimeException e) {
      owner.metrics().write(owner.id(), device.name(), false);
      task.future().completeExceptionally(e);
      throw e;
    }
  }

  private void readNow(CoreLinkSession session, LinkTask.Read task) throws IOException {
    ManagedDevice device = task.device();
    session.serve(device.frames());
    try {
      List<PointResult> results = readWithRetry(session, device, task.properties());
      device.onResults(results, owner.clock().instant());
      task.future().complete(results);
    } catch (DeviceException e) {
      task.future().completeExceptionally(e);
      fail(device, e);
    } catch (IOException | RuntimeException e) {
      task.future().completeExceptionally(e);
      throw e;
    }
  }

  private void fail(ManagedDevice device, DeviceException e) {
    device.onFailure(e, failBreaker(device, e));
  }

  private boolean failBreaker(ManagedDevice device, DeviceException e) {
    synchronized (device.breaker()) {
      device.breaker().failure(System.nanoTime());
      return device.breaker().state() == CircuitBreaker.State.OPEN;
    }
  }

  private void release(ManagedDevice device) {
    owner.lock.lock();
    try {
      device.busy = false;
      owner.wake.signalAll();
    } finally {
      owner.lock.unlock();
    }
  }

  private void linkDown(String error) {
    owner.lastError = error;
    owner.devicesSnapshot().forEach(d -> d.onLinkDown(error));
  }

  private void sleep(long millis) {
    owner.lock.lock();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
      while (owner.running && nanos > 0) {
        nanos = owner.wake.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      owner.lock.unlock();
    }
  }
}
