package io.minicloud.edgeagent.rear.subscription;

import io.minicloud.rear.filter.FilterParser;
import io.minicloud.rear.filter.FlavorFilter;
import java.time.Instant;
import java.util.Locale;

/**
 * A stored subscription: who made it, which flavors it wants (a type and an optional filter in the
 * REAR filter grammar) and how it is delivered.
 *
 * @param id a DNS-1123 label, also the path segment
 * @param principal the authenticated caller who created it; only they may delete it
 * @param filter the raw filter query ({@code filter[cpu][range][min]=2}), empty for none; already
 *     validated when stored
 * @param webhookUrl the webhook target for {@link Kind#WEBHOOK}, null for {@link Kind#SSE}
 * @param secret the HMAC key webhook bodies are signed with; null for SSE. Never logged.
 */
public record Subscription(
    String id,
    String principal,
    Kind kind,
    String flavorType,
    String filter,
    String webhookUrl,
    String secret,
    Instant created) {

  /** How events reach the subscriber. */
  public enum Kind {
    SSE,
    WEBHOOK;

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind ofWire(String wire) {
      return valueOf(wire.toUpperCase(Locale.ROOT));
    }
  }

  public FlavorFilter flavorFilter() {
    return FilterParser.parse(flavorType, filter);
  }

  /** Whether this subscription hears about {@code e}. */
  public boolean wants(FlavorEvent e) {
    return Interest.of(flavorFilter()).wants(e);
  }

  /** Without the secret: what a GET answers and logs may show. */
  @Override
  public String toString() {
    return "Subscription[" + id + ", " + kind.wire() + ", " + flavorType + "]";
  }
}
