package io.minicloud.edgeagent.rear.subscription;

import io.minicloud.rear.filter.FlavorFilter;

/**
 * Which events a subscriber wants: those whose flavor matches its filter now, or matched it before
 * the change (a refresh that takes a flavor out of the range, a withdrawal), so nobody holds on to
 * a flavor they were never told about.
 */
public record Interest(FlavorFilter filter) {

  public static Interest of(FlavorFilter filter) {
    return new Interest(filter);
  }

  public boolean wants(FlavorEvent e) {
    if (filter.matches(e.flavor().withAvailability(true))) {
      return true;
    }
    return e.previous() != null && filter.matches(e.previous());
  }
}
