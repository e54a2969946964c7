package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.PointResult;
import io.minicloud.mapper.api.Value;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Work a link worker does besides scheduled polls: writes (always first) and on-demand reads. */
sealed interface LinkTask permits LinkTask.Write, LinkTask.Read {

  ManagedDevice device();

  CompletableFuture<?> future();

  /** Writes a raw value. */
  record Write(ManagedDevice device, String property, Value raw, CompletableFuture<Void> future)
      implements LinkTask {}

  /** Reads now, outside the schedule (REST, write verification). */
  record Read(
      ManagedDevice device, List<String> properties, CompletableFuture<List<PointResult>> future)
      implements LinkTask {}
}
