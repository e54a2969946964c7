package io.minicloud.edgeagent.inventory;

import io.minicloud.rear.quantity.Quantity;
import java.util.Objects;

/**
 * An amount of the resources a K8Slice sells, in Kubernetes quantities: CPU in cores, memory and
 * ephemeral storage in bytes, pods and GPUs as counts.
 */
public record Resources(
    Quantity cpu, Quantity memory, Quantity storage, Quantity pods, Quantity gpus) {

  public static final Resources NONE =
      new Resources(Quantity.ZERO, Quantity.ZERO, Quantity.ZERO, Quantity.ZERO, Quantity.ZERO);

  public Resources {
    Objects.requireNonNull(cpu, "cpu");
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(pods, "pods");
    Objects.requireNonNull(gpus, "gpus");
  }

  public Resources plus(Resources o) {
    return new Resources(
        cpu.plus(o.cpu),
        memory.plus(o.memory),
        storage.plus(o.storage),
        pods.plus(o.pods),
        gpus.plus(o.gpus));
  }

  /** What is left after {@code o} is taken, never below zero per resource. */
  public Resources minus(Resources o) {
    return new Resources(
        floor(cpu.minus(o.cpu)),
        floor(memory.minus(o.memory)),
        floor(storage.minus(o.storage)),
        floor(pods.minus(o.pods)),
        floor(gpus.minus(o.gpus)));
  }

  /** True when every resource of {@code o} fits in this amount. */
  public boolean covers(Resources o) {
    return cpu.compareTo(o.cpu) >= 0
        && memory.compareTo(o.memory) >= 0
        && storage.compareTo(o.storage) >= 0
        && pods.compareTo(o.pods) >= 0
        && gpus.compareTo(o.gpus) >= 0;
  }

  private static Quantity floor(Quantity q) {
    return q.signum() < 0 ? Quantity.ZERO : q;
  }
}
