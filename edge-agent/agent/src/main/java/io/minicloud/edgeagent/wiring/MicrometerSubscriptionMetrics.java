package io.minicloud.edgeagent.wiring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.minicloud.edgeagent.rear.subscription.SubscriptionMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Subscription counts as Prometheus meters; names are part of the contract (docs/api/
 * edge-agent-rear-v2.md, Subscriptions), tags are low-cardinality enums:
 *
 * <pre>
 * minicloud_edge_agent_rear_events_total{type=offer|refresh|withdraw}
 * minicloud_edge_agent_rear_subscriptions{kind=sse|webhook}
 * minicloud_edge_agent_rear_webhook_deliveries_total{result=delivered|failed|gave_up}
 * </pre>
 */
public final class MicrometerSubscriptionMetrics implements SubscriptionMetrics {

  private final MeterRegistry registry;
  private final Map<String, Counter> events = new ConcurrentHashMap<>();
  private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> subscriptions = new ConcurrentHashMap<>();

  public MicrometerSubscriptionMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void event(String type) {
    events
        .computeIfAbsent(
            type,
            t ->
                Counter.builder("minicloud_edge_agent_rear_events")
                    .description("Flavor events logged for subscribers, by type")
                    .tag("type", t)
                    .register(registry))
        .increment();
  }

  @Override
  public void subscriptions(String kind, long count) {
    subscriptions
        .computeIfAbsent(
            kind,
            k -> {
              AtomicLong value = new AtomicLong();
              Gauge.builder("minicloud_edge_agent_rear_subscriptions", value, AtomicLong::get)
                  .description("Stored REAR subscriptions, by delivery kind")
                  .tag("kind", k)
                  .register(registry);
              return value;
            })
        .set(count);
  }

  @Override
  public void delivery(String result) {
    deliveries
        .computeIfAbsent(
            result,
            r ->
                Counter.builder("minicloud_edge_agent_rear_webhook_deliveries")
                    .description("Webhook delivery attempts, by result")
                    .tag("result", r)
                    .register(registry))
        .increment();
  }
}
