package io.minicloud.edgeagent.rear.subscription;

import io.minicloud.edgeagent.rear.OfferBoard;
import io.minicloud.edgeagent.rear.RearError;
import io.minicloud.edgeagent.rear.catalog.Offer;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Subscriptions put together: offer-board changes become logged events, stored subscriptions are
 * created and deleted within their limits, live streams are woken on every new event, and the
 * webhook deliverer works the outbox. Plain Java; the HTTP side is {@code http.SubscriptionRoutes}.
 */
public final class Subscriptions implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Subscriptions.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final int PRUNE_EVERY = 500;

  /** What a create returns: the subscription, whose secret is shown this once. */
  public record Created(Subscription subscription) {}

  private final SubscriptionStore store;
  private final WebhookOutbox outbox;
  private final SubscriptionSettings settings;
  private final SubscriptionMetrics metrics;
  private final Clock clock;
  private final WebhookDeliverer deliverer;
  private final Thread delivererThread;
  private final Set<Runnable> live = new CopyOnWriteArraySet<>();
  private final AtomicInteger streams = new AtomicInteger();
  private int appendsSincePrune;

  public Subscriptions(
      SubscriptionStore store,
      SubscriptionSettings settings,
      SubscriptionMetrics metrics,
      Clock clock)
      throws SQLException {
    this.store = store;
    this.outbox = new WebhookOutbox(store);
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
    this.deliverer = new WebhookDeliverer(outbox, settings, metrics, clock);
    this.delivererThread = new Thread(deliverer, "rear-webhooks");
    delivererThread.setDaemon(true);
    publishCounts();
  }

  /** Listens to the board and starts delivering webhooks (including what a restart left owed). */
  public void attach(OfferBoard board) {
    board.onChange(this::onOffers);
    delivererThread.start();
  }

  public SubscriptionSettings settings() {
    return settings;
  }

  public WebhookOutbox outbox() {
    return outbox;
  }

  /**
   * Called by the board, on its refreshing thread, with every recomputation. The board's own
   * "before" is ignored: after a restart it is empty, which would re-offer every flavor and hide
   * what was withdrawn while the agent was down. The store's announced flavors are the truth.
   */
  void onOffers(List<Offer> ignoredBefore, List<Offer> after) {
    List<FlavorEvent> events;
    try {
      events = FlavorEvents.since(store.announced(), after);
      if (events.isEmpty()) {
        return;
      }
      for (StoredEvent e : store.append(events, clock.instant())) {
        metrics.event(e.type().wire());
      }
    } catch (SQLException e) {
      LOG.errorf("flavor events not logged, they go out with the next change: %s", e);
      return;
    }
    live.forEach(Runnable::run);
    deliverer.wake();
    pruneNowAndThen(events.size());
  }

  public Created create(String principal, SubscriptionRequest request) throws RearError {
    try {
      if (store.countOf(principal) >= settings.maxPerPrincipal()) {
        throw new RearError(
            429, "at most " + settings.maxPerPrincipal() + " subscriptions per caller", null);
      }
      boolean webhook = request.webhook() != null;
      Subscription s =
          new Subscription(
              newId(),
              principal,
              webhook ? Subscription.Kind.WEBHOOK : Subscription.Kind.SSE,
              request.flavorType(),
              request.filter(),
              request.webhook(),
              webhook ? WebhookSignature.newSecret() : null,
              clock.instant());
      store.insert(s);
      publishCounts();
      LOG.infof(
          "subscription %s created by %s (%s, %s%s)",
          s.id(),
          principal,
          s.kind().wire(),
          s.flavorType(),
          webhook ? " -> " + WebhookUrls.forLog(s.webhookUrl()) : "");
      return new Created(s);
    } catch (SQLException e) {
      throw storeFailure(e);
    }
  }

  /** The subscription, if {@code principal} made it: 404 when unknown, 403 when someone else's. */
  public Subscription owned(String id, String principal) throws RearError {
    Optional<Subscription> found;
    try {
      found = store.find(id);
    } catch (SQLException e) {
      throw storeFailure(e);
    }
    Subscription s =
        found.orElseThrow(() -> new RearError(404, "no subscription '" + clip(id) + "'", null));
    if (!s.principal().equals(principal)) {
      throw new RearError(403, "subscription " + s.id() + " belongs to another caller", null);
    }
    return s;
  }

  public void delete(String id, String principal) throws RearError {
    Subscription s = owned(id, principal);
    try {
      store.delete(s.id());
    } catch (SQLException e) {
      throw storeFailure(e);
    }
    publishCounts();
    LOG.infof("subscription %s deleted by %s", s.id(), principal);
  }

  /** Events after {@code seq}, oldest first: a stream's backlog, then each wake-up's news. */
  public List<StoredEvent> after(long seq, int limit) throws SQLException {
    return store.eventsAfter(seq, limit);
  }

  public long lastSeq() throws SQLException {
    return store.lastSeq();
  }

  /** Runs {@code wakeUp} after every logged batch until the returned handle is run. */
  public Runnable listen(Runnable wakeUp) {
    live.add(wakeUp);
    return () -> live.remove(wakeUp);
  }

  /** Takes a stream slot; false when {@code maxStreams} are open. */
  public boolean openStream() {
    if (streams.incrementAndGet() > settings.maxStreams()) {
      streams.decrementAndGet();
      return false;
    }
    return true;
  }

  public void closeStream() {
    streams.decrementAndGet();
  }

  /** Every {@code PRUNE_EVERY} events; the board's thread calls this one at a time. */
  private void pruneNowAndThen(int appended) {
    appendsSincePrune += appended;
    if (appendsSincePrune < PRUNE_EVERY) {
      return;
    }
    appendsSincePrune = 0;
    try {
      int n = store.prune(clock.instant().minus(settings.retention()), settings.maxEvents());
      LOG.debugf("pruned %d old flavor events", n);
    } catch (SQLException e) {
      LOG.warnf("old flavor events not pruned, trying again later: %s", e.getMessage());
    }
  }

  private void publishCounts() {
    try {
      List<Subscription> all = store.all();
      for (Subscription.Kind k : Subscription.Kind.values()) {
        metrics.subscriptions(k.wire(), all.stream().filter(s -> s.kind() == k).count());
      }
    } catch (SQLException e) {
      LOG.warnf("subscription gauges not updated: %s", e.getMessage());
    }
  }

  private static String newId() {
    StringBuilder b = new StringBuilder("sub-");
    for (int i = 0; i < 20; i++) {
      b.append(ID_CHARS[RANDOM.nextInt(ID_CHARS.length)]);
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  private static String clip(String id) {
    return id.length() > 64 ? id.substring(0, 64) + "..." : id;
  }

  private static RearError storeFailure(SQLException e) {
    LOG.errorf("subscription store failed: %s", e.getMessage());
    return new RearError(503, "the subscription store is unavailable, retry later", null);
  }

  /** Stops the deliverer, then closes the store (this object owns it). */
  @Override
  public void close() throws InterruptedException, SQLException {
    deliverer.stop();
    delivererThread.interrupt();
    delivererThread.join(10_000);
    store.close();
  }
}
