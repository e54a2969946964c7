package io.minicloud.edgeagent.inventory;

import java.util.function.Consumer;

/** The minicloud's resource index: the latest snapshot, and a hook for every new one. */
public interface Inventory {

  /** The latest snapshot; {@link InventorySnapshot#EMPTY} before the first refresh. */
  InventorySnapshot snapshot();

  /**
   * Calls {@code listener} with every new snapshot (on the refresh thread; keep it short). The REAR
   * catalog uses it to withdraw flavors whose capacity disappeared.
   */
  void onChange(Consumer<InventorySnapshot> listener);
}
