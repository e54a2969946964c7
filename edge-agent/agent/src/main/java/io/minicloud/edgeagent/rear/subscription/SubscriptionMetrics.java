package io.minicloud.edgeagent.rear.subscription;

/**
 * What subscriptions count; the wiring layer turns it into Prometheus meters ({@code
 * minicloud_edge_agent_rear_*}), so this package stays free of Micrometer. Implementations must be
 * thread-safe and cheap.
 */
public interface SubscriptionMetrics {

  /** An event of this type ({@code offer}, {@code refresh}, {@code withdraw}) was logged. */
  void event(String type);

  /**
   * There are now {@code count} stored subscriptions of this kind ({@code sse}, {@code webhook}).
   */
  void subscriptions(String kind, long count);

  /**
   * A webhook delivery ended: {@code delivered}, {@code failed} (will retry) or {@code gave_up}.
   */
  void delivery(String result);

  /** Counts nothing (tests that don't look at metrics). */
  SubscriptionMetrics NONE =
      new SubscriptionMetrics() {
        @Override
        public void event(String type) {}

        @Override
        public void subscriptions(String kind, long count) {}

        @Override
        public void delivery(String result) {}
      };
}
