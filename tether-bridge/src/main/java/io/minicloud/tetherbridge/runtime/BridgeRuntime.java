package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.Value;
import io.minicloud.tetherbridge.devices.DeviceCatalog;
import io.minicloud.tetherbridge.devices.DeviceChanges;
import io.minicloud.tetherbridge.devices.DeviceFileException;
import io.minicloud.tetherbridge.devices.DeviceSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The device runtime: applies device sets (binding everything first, so a bad file changes
 * nothing), gives each physical link one {@link LinkOwner}, touches only the devices that changed
 * (a change to polling alone reschedules without reconnecting), and carries reads and verified
 * writes for the REST and MQTT command paths.
 */
public final class BridgeRuntime implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(BridgeRuntime.class.getName());

  private final DeviceBinder binder;
  private final DevicePublisher publisher;
  private final RuntimeMetrics metrics;
  private final Clock clock;
  private final RuntimeSettings settings;
  private final DeviceCatalog catalog = new DeviceCatalog();
  private final Map<String, LinkOwner> links = new ConcurrentHashMap<>();
  private final Map<String, ManagedDevice> devices = new ConcurrentHashMap<>();

  public BridgeRuntime(
      DeviceBinder binder,
      DevicePublisher publisher,
      RuntimeMetrics metrics,
      Clock clock,
      RuntimeSettings settings) {
    this.binder = binder;
    this.publisher = publisher;
    this.metrics = metrics;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Makes {@code set} the running configuration.
   *
   * @throws DeviceFileException when any device cannot be bound: nothing changes
   */
  public synchronized DeviceChanges apply(DeviceSet set) throws DeviceFileException {
    Map<String, BoundDevice> bound = binder.bind(set);
    DeviceChanges changes = catalog.apply(set);
    changes.removed().forEach(this::stop);
    for (String name : changes.reconnect()) {
      stop(name);
      start(bound.get(name));
    }
    for (String name : changes.pollingOnly()) {
      BoundDevice next = bound.get(name);
      links.get(next.linkId()).rebind(next);
    }
    changes.added().forEach(name -> start(bound.get(name)));
    links
        .values()
        .removeIf(
            owner -> {
              if (owner.isEmpty()) {
                owner.close();
                return true;
              }
              return false;
            });
    if (!changes.isEmpty()) {
      LOG.info(
          () ->
              "devices: added "
                  + changes.added()
                  + ", removed "
                  + changes.removed()
                  + ", reconnected "
                  + changes.reconnect()
                  + ", rescheduled "
                  + changes.pollingOnly());
    }
    return changes;
  }

  private void start(BoundDevice bound) {
    ManagedDevice device =
        new ManagedDevice(
            bound, settings.newBreaker(), settings.frameLogSize(), publisher, metrics);
    LinkOwner owner =
        links.computeIfAbsent(
            bound.linkId(),
            id -> {
              LinkOwner created =
                  new LinkOwner(bound.driver().link(), metrics, clock, settings.backoff());
              created.start();
              return created;
            });
    devices.put(bound.name(), device);
    owner.attach(device);
    for (BoundProperty p : bound.properties()) {
      if (p.device().desiredValue() != null) {
        desire(bound.name(), p.name(), p.device().desiredValue())
            .exceptionally(e -> null); // the outcome is in the twin (writeError)
      }
    }
  }

  private void stop(String name) {
    ManagedDevice device = devices.remove(name);
    if (device != null) {
      LinkOwner owner = links.get(device.bound().linkId());
      if (owner != null) {
        owner.detach(name);
      }
    }
  }

  public List<DeviceStatus> statuses() {
    return devices.values().stream()
        .map(ManagedDevice::status)
        .sorted(java.util.Comparator.comparing(DeviceStatus::device))
        .toList();
  }

  public Optional<ManagedDevice> device(String name) {
    return Optional.ofNullable(devices.get(name));
  }

  public List<LinkStatus> links() {
    List<LinkStatus> out = new ArrayList<>();
    links
        .values()
        .forEach(
            o ->
                out.add(
                    new LinkStatus(
                        o.id(),
                        o.connected(),
                        o.reconnects(),
                        o.lastError(),
                        o.devicesSnapshot().stream().map(ManagedDevice::name).sorted().toList())));
    out.sort(java.util.Comparator.comparing(LinkStatus::id));
    return out;
  }

  /** Reads one property now (outside its schedule). */
  public CompletableFuture<Reading> read(String deviceName, String property) {
    ManagedDevice device = require(deviceName);
    BoundProperty p = property(device, property);
    return links
        .get(device.bound().linkId())
        .read(device, List.of(p.name()))
        .orTimeout(settings.writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .thenApply(results -> device.latest(p.name()).orElseThrow());
  }

  /**
   * Sets a desired value and writes it: transform, write, read back, compare. The twin records the
   * outcome (observed-desired on success, the error otherwise).
   *
   * @throws IllegalArgumentException (at once) when the value cannot be written to the property
   */
  public CompletableFuture<Twin.PropertyTwin> desire(
      String deviceName, String property, Object requested) {
    ManagedDevice device = require(deviceName);
    BoundProperty p = property(device, property);
    if (!p.writable()) {
      throw new IllegalArgumentException(
          property + " is ReadOnly in model " + device.bound().doc().modelRef());
    }
    Value desired = DesiredValues.parse(requested, p.model(), p.point());
    Value raw = p.point().transform().write(desired, p.point().rawType());
    device.twin().desire(p.name(), desired, clock.instant());
    publisher.twin(device.bound(), device.twin().snapshot());
    LinkOwner owner = links.get(device.bound().linkId());
    long deadline = System.nanoTime() + settings.writeTimeout().toNanos();
    // the timeouts complete the queued tasks' own futures, so the link worker drops them: a write
    // reported as failed must never reach the device later
    return owner
        .write(device, p.name(), raw)
        .orTimeout(settings.writeTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .thenCompose(
            v ->
                owner
                    .read(device, List.of(p.name()))
                    .orTimeout(
                        Math.max(1, (deadline - System.nanoTime()) / 1_000_000),
                        TimeUnit.MILLISECONDS))
        .handle((results, error) -> verify(device, p, desired, results, error));
  }

  private Twin.PropertyTwin verify(
      ManagedDevice device,
      BoundProperty p,
      Value desired,
      List<PointResult> results,
      Throwable error) {
    if (error != null) {
      Throwable cause = Futures.cause(error);
      boolean timedOut = cause instanceof java.util.concurrent.TimeoutException;
      device
          .twin()
          .writeFailed(
              p.name(),
              timedOut
                  ? "write failed: link "
                      + device.bound().linkId()
                      + " did not carry it within "
                      + settings.writeTimeout().toMillis()
                      + " ms (busy or down)"
                  : "write failed: " + cause.getMessage());
      publisher.twin(device.bound(), device.twin().snapshot());
      if (timedOut) {
        // the caller learns it timed out (REST: 504); the twin already says so
        throw new java.util.concurrent.CompletionException(cause);
      }
      return device.twin().property(p.name());
    } else {
      Reading back = device.latest(p.name()).orElse(null);
      if (back != null
          && back.value() != null
          && Values.sameReading(desired, back.value(), tolerance(p, desired))) {
        device.twin().verified(p.name(), desired, clock.instant());
      } else {
        device
            .twin()
            .writeFailed(
                p.name(),
                "read back "
                    + (back == null || back.value() == null ? "failed" : Values.text(back.value()))
                    + " after writing "
                    + Values.text(desired));
      }
    }
    publisher.twin(device.bound(), device.twin().snapshot());
    return device.twin().property(p.name());
  }

  /** A scaled integer register holds the value to within half a step. */
  private static double tolerance(BoundProperty p, Value desired) {
    DataType raw = p.point().rawType();
    boolean integral = raw != DataType.FLOAT32 && raw != DataType.FLOAT64;
    Double v = Values.number(desired);
    return integral
        ? Math.abs(p.point().transform().scale()) / 2
        : 1e-6 * Math.max(1, v == null ? 1 : Math.abs(v));
  }

  private ManagedDevice require(String name) {
    ManagedDevice device = devices.get(name);
    if (device == null) {
      throw new NoSuchElementException("no device " + name);
    }
    return device;
  }

  private static BoundProperty property(ManagedDevice device, String property) {
    return device
        .bound()
        .property(property)
        .orElseThrow(
            () ->
                new NoSuchElementException(
                    "device " + device.name() + " has no property " + property));
  }

  @Override
  public synchronized void close() {
    links.values().forEach(LinkOwner::close);
    links.clear();
    devices.clear();
  }
}
