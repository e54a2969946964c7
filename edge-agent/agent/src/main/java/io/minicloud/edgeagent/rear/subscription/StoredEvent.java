package io.minicloud.edgeagent.rear.subscription;

import java.time.Instant;

/**
 * A flavor event as the durable log holds it: its sequence number (the SSE id and the webhook
 * delivery id, never reused), when it happened, and its JSON as sent.
 */
public record StoredEvent(long seq, Instant time, FlavorEvent event, String json) {

  public EventType type() {
    return event.type();
  }
}
