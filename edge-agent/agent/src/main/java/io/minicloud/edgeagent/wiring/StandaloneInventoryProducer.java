package io.minicloud.edgeagent.wiring;

import io.minicloud.edgeagent.inventory.Inventory;
import io.minicloud.edgeagent.inventory.InventorySnapshot;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.function.Consumer;

/** An empty inventory until a real one is configured; replaced by any other Inventory bean. */
@Singleton
public class StandaloneInventoryProducer {

  @Produces
  @DefaultBean
  @Singleton
  Inventory emptyInventory() {
    return new Inventory() {
      @Override
      public InventorySnapshot snapshot() {
        return InventorySnapshot.EMPTY;
      }

      @Override
      public void onChange(Consumer<InventorySnapshot> listener) {
        // nothing ever changes
      }
    };
  }
}
