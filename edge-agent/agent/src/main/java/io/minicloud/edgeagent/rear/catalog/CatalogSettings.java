package io.minicloud.edgeagent.rear.catalog;

import io.minicloud.edgeagent.inventory.Resources;
import io.minicloud.rear.model.Flavor.Price;
import io.minicloud.rear.model.K8SliceData.Partitionability;
import io.minicloud.rear.model.Location;

/**
 * How the inventory is offered.
 *
 * @param partitionability how K8Slices may be cut (minimums and steps)
 * @param vmSize what one VM flavor unit is (cores, bytes of memory and storage)
 * @param serviceBuyers how many buyers may hold one service flavor at once (-1: unlimited)
 * @param sensorBuyers the same for sensor flavors
 * @param location written on every flavor; null to omit it
 * @param price written on every flavor ({@link Price#NONE} like the node's default)
 * @param networkPropertyType e.g. {@code ethernet}, {@code 5G}; null to omit it
 */
public record CatalogSettings(
    Partitionability partitionability,
    Resources vmSize,
    long serviceBuyers,
    long sensorBuyers,
    Location location,
    Price price,
    String networkPropertyType) {}
