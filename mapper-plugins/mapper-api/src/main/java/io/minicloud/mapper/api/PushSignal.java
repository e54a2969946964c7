package io.minicloud.mapper.api;

import java.util.List;

/**
 * How a driver whose device pushes data (CoAP Observe notifications, Firmata analog and digital
 * reports, tether-v1 events) tells the core that new values are waiting, so they are read, reported
 * and published now instead of at the next scheduled poll. The read itself still goes through
 * {@link DeviceDriver#read}: transforms, twin, report strategy and store-and-forward stay the
 * core's.
 *
 * <p>Safe to call from any thread (a protocol's own receive thread), as often as data arrives: the
 * core merges signals for a device that are not yet served into one read.
 */
@FunctionalInterface
public interface PushSignal {

  /** A signal that goes nowhere: for sessions outside a running bridge (tests, discovery). */
  PushSignal NONE = properties -> {};

  /** The named properties of the attached device have new values. */
  void changed(List<String> properties);
}
