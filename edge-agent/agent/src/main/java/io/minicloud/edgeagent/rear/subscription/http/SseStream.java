package io.minicloud.edgeagent.rear.subscription.http;

import io.minicloud.edgeagent.rear.subscription.Interest;
import io.minicloud.edgeagent.rear.subscription.StoredEvent;
import io.minicloud.edgeagent.rear.subscription.Subscriptions;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One Server-Sent Events stream. It pulls from the durable log rather than being pushed to: every
 * new batch only wakes it, and it reads everything after the last id it handled. The backlog after
 * a {@code Last-Event-ID} and the live events are then one path, with no gap or duplicate between
 * them, and a slow client only holds back its own reads (nothing is read for it while its write
 * queue is full). All state is touched on the request's event loop.
 */
final class SseStream {

  private static final Logger LOG = Logger.getLogger(SseStream.class);
  private static final int BATCH = 256;

  private final Vertx vertx;
  private final HttpServerResponse response;
  private final Subscriptions subscriptions;
  private final Interest interest;
  private long lastHandled;
  private boolean reading;
  private boolean readAgain;
  private boolean closed;
  private long keepAliveTimer = -1;
  private Runnable unlisten = () -> {};

  SseStream(
      Vertx vertx,
      HttpServerResponse response,
      Subscriptions subscriptions,
      Interest interest,
      long startAfter) {
    this.vertx = vertx;
    this.response = response;
    this.subscriptions = subscriptions;
    this.interest = interest;
    this.lastHandled = startAfter;
  }

  /** Sends the headers and the backlog, then follows the log; call on the event loop. */
  void start() {
    response
        .setStatusCode(200)
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
    response.closeHandler(v -> close());
    response.exceptionHandler(e -> close());
    // a comment first, so clients get the headers before the first event
    response.write(": minicloud flavor events after " + lastHandled + "\n\n");
    Context context = vertx.getOrCreateContext();
    unlisten = subscriptions.listen(() -> context.runOnContext(v -> read()));
    keepAliveTimer =
        vertx.setPeriodic(
            subscriptions.settings().keepAlive().toMillis(),
            id -> {
              if (!closed) {
                response.write(": keep-alive\n\n");
              }
            });
    read();
  }

  private void read() {
    if (closed) {
      return;
    }
    if (reading || response.writeQueueFull()) {
      readAgain = true;
      if (!reading) {
        response.drainHandler(v -> read());
      }
      return;
    }
    reading = true;
    readAgain = false;
    long after = lastHandled;
    vertx
        .executeBlocking(() -> subscriptions.after(after, BATCH), false)
        .onComplete(
            ar -> {
              reading = false;
              if (ar.failed()) {
                LOG.errorf("SSE stream ended: the event log is unreadable: %s", ar.cause());
                response.reset();
                close();
                return;
              }
              write(ar.result());
              if (readAgain || ar.result().size() == BATCH) {
                read();
              }
            });
  }

  private void write(List<StoredEvent> events) {
    for (StoredEvent e : events) {
      if (closed) {
        return;
      }
      lastHandled = e.seq();
      if (interest.wants(e.event())) {
        response.write(
            "id: " + e.seq() + "\nevent: " + e.type().wire() + "\ndata: " + e.json() + "\n\n");
      }
    }
  }

  private void close() {
    if (closed) {
      return;
    }
    closed = true;
    unlisten.run();
    if (keepAliveTimer >= 0) {
      vertx.cancelTimer(keepAliveTimer);
    }
    subscriptions.closeStream();
  }
}
