package io.minicloud.edgeagent.rear.catalog;

import io.minicloud.edgeagent.inventory.Resources;

/** What active reservations and purchases already take from one pool. */
public record Held(Resources resources, long units) {

  public static final Held NOTHING = new Held(Resources.NONE, 0);

  public Held plus(Resources more, long moreUnits) {
    return new Held(resources.plus(more), units + moreUnits);
  }
}
