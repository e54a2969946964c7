package io.minicloud.edgeagent.rear.subscription;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What webhooks are still owed, in the store's file and under its lock. Deliveries are ordered per
 * subscription: only the oldest owed event of a subscription is ever due, so a webhook never sees
 * event 8 before event 7, however often 7 is retried.
 */
public final class WebhookOutbox {

  /** One owed delivery with what it takes to make it. */
  public record Delivery(
      String subscriptionId,
      String url,
      String secret,
      long seq,
      String eventType,
      Instant eventTime,
      String json,
      int attempts) {

    @Override
    public String toString() {
      return "Delivery[" + subscriptionId + ", event " + seq + ", attempt " + (attempts + 1) + "]";
    }
  }

  private static final String HEADS =
      """
      SELECT o.subscription_id, s.webhook_url, s.secret, o.seq, e.type, e.time, e.json, o.attempts,
             o.next_attempt
        FROM webhook_outbox o
        JOIN subscriptions s ON s.id = o.subscription_id
        JOIN events e ON e.seq = o.seq
       WHERE o.seq = (SELECT MIN(seq) FROM webhook_outbox WHERE subscription_id = o.subscription_id)
      """;

  private final SubscriptionStore store;

  public WebhookOutbox(SubscriptionStore store) {
    this.store = store;
  }

  static void enqueue(Connection c, String subscriptionId, long seq, Instant now)
      throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("INSERT OR IGNORE INTO webhook_outbox VALUES (?, ?, 0, ?)")) {
      p.setString(1, subscriptionId);
      p.setLong(2, seq);
      p.setLong(3, now.toEpochMilli());
      p.executeUpdate();
    }
  }

  /** The oldest owed delivery of each subscription whose next attempt is due at {@code now}. */
  public List<Delivery> due(Instant now, int limit) throws SQLException {
    synchronized (store) {
      Connection c = store.connection();
      List<Delivery> out = new ArrayList<>();
      try (PreparedStatement p =
          c.prepareStatement(HEADS + " AND o.next_attempt <= ? ORDER BY o.next_attempt LIMIT ?")) {
        p.setLong(1, now.toEpochMilli());
        p.setInt(2, limit);
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            out.add(
                new Delivery(
                    r.getString(1),
                    r.getString(2),
                    r.getString(3),
                    r.getLong(4),
                    r.getString(5),
                    Instant.ofEpochMilli(r.getLong(6)),
                    r.getString(7),
                    r.getInt(8)));
          }
        }
      }
      c.commit();
      return out;
    }
  }

  /** When the next owed delivery falls due; empty when nothing is owed. */
  public Optional<Instant> nextDue() throws SQLException {
    synchronized (store) {
      Connection c = store.connection();
      try (PreparedStatement p =
              c.prepareStatement("SELECT MIN(next_attempt) FROM (" + HEADS + ")");
          ResultSet r = p.executeQuery()) {
        long next = r.next() ? r.getLong(1) : 0;
        boolean any = !r.wasNull();
        c.commit();
        return any ? Optional.of(Instant.ofEpochMilli(next)) : Optional.empty();
      }
    }
  }

  /** Delivered or given up: either way the subscription's next event is now at the head. */
  public void remove(String subscriptionId, long seq) throws SQLException {
    update("DELETE FROM webhook_outbox WHERE subscription_id = ? AND seq = ?", subscriptionId, seq);
  }

  public void retryAt(String subscriptionId, long seq, int attempts, Instant next)
      throws SQLException {
    synchronized (store) {
      Connection c = store.connection();
      try (PreparedStatement p =
          c.prepareStatement(
              "UPDATE webhook_outbox SET attempts = ?, next_attempt = ?"
                  + " WHERE subscription_id = ? AND seq = ?")) {
        p.setInt(1, attempts);
        p.setLong(2, next.toEpochMilli());
        p.setString(3, subscriptionId);
        p.setLong(4, seq);
        p.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** How many deliveries are owed in all (for tests and the queue-depth story). */
  public int size() throws SQLException {
    synchronized (store) {
      Connection c = store.connection();
      try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM webhook_outbox");
          ResultSet r = p.executeQuery()) {
        int n = r.next() ? r.getInt(1) : 0;
        c.commit();
        return n;
      }
    }
  }

  private void update(String sql, String subscriptionId, long seq) throws SQLException {
    synchronized (store) {
      Connection c = store.connection();
      try (PreparedStatement p = c.prepareStatement(sql)) {
        p.setString(1, subscriptionId);
        p.setLong(2, seq);
        p.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    }
  }
}
