package io.minicloud.edgeagent.inventory;

/**
 * One place the inventory reads from: a char-agent, a tether-bridge, the cluster, a service probe.
 * Implementations do one bounded read (timeouts, size caps) and throw when the answer is unusable;
 * the inventory keeps their last good contribution and marks it stale.
 */
public interface InventorySource {

  /** Names the source in the API, the log and the {@code source} metric tag (low cardinality). */
  String name();

  /**
   * Reads the source once.
   *
   * @throws SourceException when it does not answer, or answers something unusable
   */
  Contribution read() throws SourceException;
}
