package io.minicloud.tetherbridge.devices;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the running {@link DeviceSet}. A candidate that failed to load never reaches it (the reader
 * throws instead), so the running configuration stays until a valid one arrives.
 */
public final class DeviceCatalog {
  private final AtomicReference<DeviceSet> current;

  public DeviceCatalog() {
    this(DeviceSet.empty());
  }

  public DeviceCatalog(DeviceSet initial) {
    current = new AtomicReference<>(Objects.requireNonNull(initial));
  }

  public DeviceSet current() {
    return current.get();
  }

  /** Swaps the candidate in and returns what changed with respect to the previous set. */
  public synchronized DeviceChanges apply(DeviceSet candidate) {
    Objects.requireNonNull(candidate);
    DeviceSet old = current.getAndSet(candidate);
    return diff(old, candidate);
  }

  static DeviceChanges diff(DeviceSet old, DeviceSet next) {
    Set<String> added = new HashSet<>();
    Set<String> removed = new HashSet<>();
    Set<String> changed = new HashSet<>();
    Set<String> pollingOnly = new HashSet<>();
    for (var entry : next.devices().entrySet()) {
      DeviceDoc before = old.devices().get(entry.getKey());
      if (before == null) {
        added.add(entry.getKey());
        continue;
      }
      DeviceDoc after = entry.getValue();
      boolean modelChanged =
          !Objects.equals(old.models().get(before.modelRef()), next.models().get(after.modelRef()));
      if (!before.equals(after) || modelChanged) {
        changed.add(entry.getKey());
        if (!modelChanged && before.differsOnlyInPolling(after)) {
          pollingOnly.add(entry.getKey());
        }
      }
    }
    for (String name : old.devices().keySet()) {
      if (!next.devices().containsKey(name)) {
        removed.add(name);
      }
    }
    return new DeviceChanges(added, removed, changed, pollingOnly);
  }
}
