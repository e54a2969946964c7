package io.minicloud.mapper.api;

import java.io.IOException;
import java.util.List;

/**
 * A bound device: typed config, and the verbs to read and write its properties. Made by {@link
 * MapperPlugin#bind}; holds no connection of its own (the core owns links and hands a {@link
 * LinkSession} to every call, always from the one thread that owns that link).
 *
 * <p>Raw values only: the core applies each property's {@link PointBinding#transform()}.
 */
public interface DeviceDriver {

  /** The physical link the device is reached through; equal ids share one owner in the core. */
  LinkSpec link();

  /** How each property's raw value maps to its engineering value. */
  PointBinding point(String property);

  /**
   * Reads the given properties, merging requests where the protocol allows (contiguous registers up
   * to the maximum PDU). A failure of some properties is reported in their {@link PointResult}s.
   *
   * @return one result per requested property, in the requested order
   * @throws IOException when the link failed (not a {@link DeviceException}): the core reconnects
   * @throws DeviceException when the device failed as a whole (no reply at all)
   */
  List<PointResult> read(LinkSession session, List<String> properties) throws IOException;

  /**
   * Writes a raw value (already transformed by the core).
   *
   * @throws DeviceException when the device refused or did not answer
   * @throws IOException when the link failed
   * @throws IllegalArgumentException when the property is read-only on the device or the raw value
   *     does not fit its registers (the core checks first; this is the plugin's last word)
   */
  void write(LinkSession session, String property, Value raw) throws IOException;

  /**
   * Called once on the link's thread after each (re)connect, before the first read: subscribe,
   * configure, say hello. Most protocols need nothing.
   */
  default void attach(LinkSession session) throws IOException {}
}
