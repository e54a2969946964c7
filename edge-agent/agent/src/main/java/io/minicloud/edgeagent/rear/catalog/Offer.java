package io.minicloud.edgeagent.rear.catalog;

import io.minicloud.edgeagent.inventory.Resources;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.K8SliceData.Partitionability;

/**
 * A flavor with what stands behind it: the capacity pool its reservations draw from (a node's free
 * resources for K8Slice and VM flavors, so the two can never sell the same CPU twice; the flavor
 * itself for services and sensors) and how much one purchase takes.
 *
 * @param pool the pool id holds are counted against
 * @param free what the pool has left after every hold (K8Slice: what the flavor lists)
 * @param partitionability for a K8Slice, how it may be cut; null when it is sold whole
 * @param unit for a VM, the fixed amount one VM takes; null otherwise
 * @param maxUnits for services and sensors, how many buyers may hold it at once; -1 unlimited
 */
public record Offer(
    Flavor flavor,
    String pool,
    Resources free,
    Partitionability partitionability,
    Resources unit,
    long maxUnits) {

  public String id() {
    return flavor.flavorId();
  }

  public String type() {
    return flavor.type().kind();
  }
}
