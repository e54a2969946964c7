package io.minicloud.tetherbridge.devices;

import java.util.Set;

/**
 * What {@link DeviceCatalog#apply} changed, by device name.
 *
 * @param changed every device whose definition changed (including poll-only changes)
 * @param pollingOnly the subset of {@code changed} where only report/collect cycles differ, so the
 *     core can reschedule without reconnecting
 */
public record DeviceChanges(
    Set<String> added, Set<String> removed, Set<String> changed, Set<String> pollingOnly) {

  public DeviceChanges {
    added = Set.copyOf(added);
    removed = Set.copyOf(removed);
    changed = Set.copyOf(changed);
    pollingOnly = Set.copyOf(pollingOnly);
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /** Changed devices that need their connection rebuilt. */
  public Set<String> reconnect() {
    return changed.stream()
        .filter(n -> !pollingOnly.contains(n))
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
