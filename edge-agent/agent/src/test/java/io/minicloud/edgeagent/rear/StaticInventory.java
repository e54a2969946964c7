package io.minicloud.edgeagent.rear;

import io.minicloud.edgeagent.inventory.Inventory;
import io.minicloud.edgeagent.inventory.InventorySnapshot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** An inventory a test sets by hand (the real one polls agents that are not running here). */
public final class StaticInventory implements Inventory {

  private volatile InventorySnapshot snapshot;
  private final List<Consumer<InventorySnapshot>> listeners = new CopyOnWriteArrayList<>();

  public StaticInventory(InventorySnapshot initial) {
    this.snapshot = initial;
  }

  public void set(InventorySnapshot next) {
    snapshot = next;
    listeners.forEach(l -> l.accept(next));
  }

  @Override
  public InventorySnapshot snapshot() {
    return snapshot;
  }

  @Override
  public void onChange(Consumer<InventorySnapshot> listener) {
    listeners.add(listener);
  }
}
