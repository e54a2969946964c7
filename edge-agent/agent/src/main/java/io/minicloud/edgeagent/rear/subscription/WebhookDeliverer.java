package io.minicloud.edgeagent.rear.subscription;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Works the webhook outbox on one thread: POSTs each owed event, signed, and removes it on a 2xx;
 * otherwise retries it later with backoff, and gives up after {@code maxAttempts} or when the event
 * is older than {@code giveUpAfter} (counted, logged once). One thread keeps deliveries of a
 * subscription in order and the node's load bounded; a slow receiver costs at most the timeout.
 * Redirects are not followed: a webhook is posted where it was registered, nowhere else.
 */
final class WebhookDeliverer implements Runnable {

  private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);
  private static final int BATCH = 32;
  private static final Duration IDLE = Duration.ofSeconds(30);

  private final WebhookOutbox outbox;
  private final SubscriptionSettings settings;
  private final SubscriptionMetrics metrics;
  private final Clock clock;
  private final Backoff backoff;
  private final HttpClient http;
  private final Object signal = new Object();
  private boolean woken;
  private volatile boolean running = true;

  WebhookDeliverer(
      WebhookOutbox outbox,
      SubscriptionSettings settings,
      SubscriptionMetrics metrics,
      Clock clock) {
    this.outbox = outbox;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
    this.backoff =
        new Backoff(
            settings.firstRetry(),
            settings.maxRetry(),
            () -> ThreadLocalRandom.current().nextDouble());
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.webhookTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Something new was queued: look now rather than at the next due time. */
  void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  void stop() {
    running = false;
    wake();
  }

  @Override
  public void run() {
    while (running) {
      try {
        List<WebhookOutbox.Delivery> due = outbox.due(clock.instant(), BATCH);
        for (WebhookOutbox.Delivery d : due) {
          if (!running) {
            return;
          }
          deliver(d);
        }
        if (due.isEmpty()) {
          sleepUntilDue();
        }
      } catch (SQLException e) {
        LOG.errorf("webhook outbox unreadable, retrying in %s: %s", IDLE, e.getMessage());
        pause(IDLE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void deliver(WebhookOutbox.Delivery d) throws SQLException, InterruptedException {
    Instant now = clock.instant();
    if (d.attempts() >= settings.maxAttempts()
        || d.eventTime().plus(settings.giveUpAfter()).isBefore(now)) {
      giveUp(d, "after " + d.attempts() + " attempts");
      return;
    }
    String failure = post(d);
    if (failure == null) {
      outbox.remove(d.subscriptionId(), d.seq());
      metrics.delivery("delivered");
      return;
    }
    int attempts = d.attempts() + 1;
    metrics.delivery("failed");
    if (attempts >= settings.maxAttempts()) {
      giveUp(d, "after " + attempts + " attempts, the last: " + failure);
      return;
    }
    Duration wait = backoff.after(attempts);
    LOG.debugf(
        "webhook %s of subscription %s: event %d failed (%s), retry %d in %s",
        WebhookUrls.forLog(d.url()), d.subscriptionId(), d.seq(), failure, attempts, wait);
    outbox.retryAt(d.subscriptionId(), d.seq(), attempts, now.plus(wait));
  }

  /** Null when delivered, otherwise what went wrong (no URL query, no secret). */
  private String post(WebhookOutbox.Delivery d) throws InterruptedException {
    byte[] body = d.json().getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(d.url()))
            .timeout(settings.webhookTimeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "minicloud-edge-agent")
            .header("X-Minicloud-Event", d.eventType())
            .header("X-Minicloud-Delivery", Long.toString(d.seq()))
            .header(WebhookSignature.HEADER, WebhookSignature.sign(d.secret(), body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status >= 200 && status < 300 ? null : "HTTP " + status;
    } catch (IOException e) {
      return e.getClass().getSimpleName();
    }
  }

  private void giveUp(WebhookOutbox.Delivery d, String why) throws SQLException {
    outbox.remove(d.subscriptionId(), d.seq());
    metrics.delivery("gave_up");
    LOG.warnf(
        "webhook %s of subscription %s: gave up on event %d %s",
        WebhookUrls.forLog(d.url()), d.subscriptionId(), d.seq(), why);
  }

  private void sleepUntilDue() throws SQLException, InterruptedException {
    long waitMs =
        outbox
            .nextDue()
            .map(t -> Duration.between(clock.instant(), t).toMillis())
            .orElse(IDLE.toMillis());
    synchronized (signal) {
      if (!woken && waitMs > 0) {
        signal.wait(Math.min(waitMs, IDLE.toMillis()));
      }
      woken = false;
    }
  }

  private void pause(long ms) {
    synchronized (signal) {
      try {
        if (!woken) {
          signal.wait(ms);
        }
        woken = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }
}
