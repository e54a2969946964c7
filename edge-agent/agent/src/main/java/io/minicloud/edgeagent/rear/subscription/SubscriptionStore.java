package io.minicloud.edgeagent.rear.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.RearJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Subscriptions, the event log and the webhook outbox in their own SQLite file ({@code
 * rear-subscriptions.db}; WAL, {@code synchronous=FULL}), not in the ledger's: the ledger holds
 * commitments under one lock that every reservation takes, and an event log that grows, prunes and
 * is written on every offer change must not slow a reservation or risk its file. An event and the
 * outbox rows of the webhooks that want it commit together, so a {@code kill -9} loses neither. The
 * file is 0600: it holds webhook secrets. One connection, used under this object's lock.
 */
public final class SubscriptionStore implements AutoCloseable {

  private static final String[] SCHEMA = {
    """
    CREATE TABLE IF NOT EXISTS subscriptions (
      id TEXT PRIMARY KEY, principal TEXT NOT NULL, kind TEXT NOT NULL,
      flavor_type TEXT NOT NULL, filter TEXT NOT NULL, webhook_url TEXT, secret TEXT,
      created_at INTEGER NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS subscriptions_by_principal ON subscriptions(principal)",
    """
    CREATE TABLE IF NOT EXISTS events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, type TEXT NOT NULL, flavor_type TEXT NOT NULL,
      time INTEGER NOT NULL, json TEXT NOT NULL, previous TEXT)""",
    """
    CREATE TABLE IF NOT EXISTS webhook_outbox (
      subscription_id TEXT NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL, attempts INTEGER NOT NULL, next_attempt INTEGER NOT NULL,
      PRIMARY KEY (subscription_id, seq))""",
    // the available flavors as last announced, so a restart diffs against them, not against nothing
    "CREATE TABLE IF NOT EXISTS announced (flavor_id TEXT PRIMARY KEY, json TEXT NOT NULL)",
  };

  private final Connection connection;

  public SubscriptionStore(Path file) throws SQLException {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      if (!Files.exists(file)) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
    } catch (IOException e) {
      throw new SQLException("cannot create " + file + ": " + e.getMessage(), e);
    }
    // the driver directly: DriverManager refuses drivers of another class loader (Quarkus tests)
    connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties());
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA busy_timeout = 5000");
      s.execute("PRAGMA journal_mode = WAL");
      s.execute("PRAGMA synchronous = FULL");
      s.execute("PRAGMA foreign_keys = ON");
      for (String ddl : SCHEMA) {
        s.execute(ddl);
      }
    }
    connection.setAutoCommit(false);
    connection.commit();
  }

  /** For {@link WebhookOutbox}, which shares this connection and this lock. */
  Connection connection() {
    return connection;
  }

  public synchronized void insert(Subscription s) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement("INSERT INTO subscriptions VALUES (?,?,?,?,?,?,?,?)")) {
      p.setString(1, s.id());
      p.setString(2, s.principal());
      p.setString(3, s.kind().wire());
      p.setString(4, s.flavorType());
      p.setString(5, s.filter());
      p.setString(6, s.webhookUrl());
      p.setString(7, s.secret());
      p.setLong(8, s.created().toEpochMilli());
      p.executeUpdate();
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  public synchronized Optional<Subscription> find(String id) throws SQLException {
    return read(subscriptions("id = ?", id)).stream().findFirst();
  }

  public synchronized List<Subscription> all() throws SQLException {
    return read(subscriptions("1 = 1"));
  }

  public synchronized int countOf(String principal) throws SQLException {
    return read(subscriptions("principal = ?", principal)).size();
  }

  /** Deletes the subscription and whatever its webhook was still owed. */
  public synchronized boolean delete(String id) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement("DELETE FROM subscriptions WHERE id = ?")) {
      p.setString(1, id);
      int n = p.executeUpdate();
      connection.commit();
      return n > 0;
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  /**
   * Logs the events in order and queues each for every webhook subscription that wants it, in one
   * transaction.
   */
  public synchronized List<StoredEvent> append(List<FlavorEvent> events, Instant now)
      throws SQLException {
    List<StoredEvent> out = new ArrayList<>();
    try {
      List<Subscription> webhooks = subscriptions("kind = ?", Subscription.Kind.WEBHOOK.wire());
      for (FlavorEvent e : events) {
        long seq = insertEvent(e, now);
        String json = EventJson.write(seq, now, e);
        try (PreparedStatement p =
            connection.prepareStatement("UPDATE events SET json = ? WHERE seq = ?")) {
          p.setString(1, json);
          p.setLong(2, seq);
          p.executeUpdate();
        }
        for (Subscription w : webhooks) {
          if (w.wants(e)) {
            WebhookOutbox.enqueue(connection, w.id(), seq, now);
          }
        }
        announce(e);
        out.add(new StoredEvent(seq, now, e, json));
      }
      connection.commit();
      return out;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    }
  }

  /** The available flavors subscribers were last told about. */
  public synchronized List<Flavor> announced() throws SQLException {
    List<Flavor> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT json FROM announced ORDER BY flavor_id")) {
      while (r.next()) {
        out.add(RearJson.mapper().readValue(r.getString(1), Flavor.class));
      }
    } catch (JsonProcessingException e) {
      throw new SQLException("an announced flavor does not parse", e);
    }
    return read(out);
  }

  private void announce(FlavorEvent e) throws SQLException {
    String sql =
        e.type() == EventType.WITHDRAW
            ? "DELETE FROM announced WHERE flavor_id = ?"
            : "INSERT OR REPLACE INTO announced (flavor_id, json) VALUES (?, ?)";
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      p.setString(1, e.flavorId());
      if (e.type() != EventType.WITHDRAW) {
        p.setString(2, EventJson.flavorJson(e.flavor()));
      }
      p.executeUpdate();
    }
  }

  /** Up to {@code limit} events after {@code seq}, oldest first. */
  public synchronized List<StoredEvent> eventsAfter(long seq, int limit) throws SQLException {
    List<StoredEvent> out = new ArrayList<>();
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT seq, time, json, previous FROM events WHERE seq > ? ORDER BY seq LIMIT ?")) {
      p.setLong(1, seq);
      p.setInt(2, limit);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(event(r));
        }
      }
    }
    connection.commit();
    return out;
  }

  /** The last sequence number ever given, pruned or not (0 before the first event). */
  public synchronized long lastSeq() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'events'")) {
      long last = r.next() ? r.getLong(1) : 0;
      connection.commit();
      return last;
    }
  }

  /**
   * Drops events older than {@code before} and beyond the newest {@code keep}, except owed ones.
   */
  public synchronized int prune(Instant before, int keep) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            """
            DELETE FROM events WHERE (time < ? OR seq <= (SELECT MAX(seq) FROM events) - ?)
              AND seq NOT IN (SELECT seq FROM webhook_outbox)""")) {
      p.setLong(1, before.toEpochMilli());
      p.setInt(2, keep);
      int n = p.executeUpdate();
      connection.commit();
      return n;
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  private long insertEvent(FlavorEvent e, Instant now) throws SQLException {
    try (PreparedStatement p =
        connection.prepareStatement(
            "INSERT INTO events (type, flavor_type, time, json, previous) VALUES (?,?,?,'',?)",
            Statement.RETURN_GENERATED_KEYS)) {
      p.setString(1, e.type().wire());
      p.setString(2, e.flavorType());
      p.setLong(3, now.toEpochMilli());
      p.setString(4, e.previous() == null ? null : EventJson.flavorJson(e.previous()));
      p.executeUpdate();
      try (ResultSet keys = p.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  static StoredEvent event(ResultSet r) throws SQLException {
    try {
      return EventJson.read(
          r.getLong("seq"),
          Instant.ofEpochMilli(r.getLong("time")),
          r.getString("json"),
          r.getString("previous"));
    } catch (JsonProcessingException e) {
      throw new SQLException("event " + r.getLong("seq") + " in the log does not parse", e);
    }
  }

  private List<Subscription> subscriptions(String where, String... args) throws SQLException {
    List<Subscription> out = new ArrayList<>();
    try (PreparedStatement p =
        connection.prepareStatement(
            "SELECT * FROM subscriptions WHERE " + where + " ORDER BY id")) {
      for (int i = 0; i < args.length; i++) {
        p.setString(i + 1, args[i]);
      }
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(
              new Subscription(
                  r.getString("id"),
                  r.getString("principal"),
                  Subscription.Kind.ofWire(r.getString("kind")),
                  r.getString("flavor_type"),
                  r.getString("filter"),
                  r.getString("webhook_url"),
                  r.getString("secret"),
                  Instant.ofEpochMilli(r.getLong("created_at"))));
        }
      }
    }
    return out;
  }

  /** Ends the read transaction, so the WAL is not pinned by an idle snapshot. */
  private <T> T read(T value) throws SQLException {
    connection.commit();
    return value;
  }

  @Override
  public synchronized void close() throws SQLException {
    connection.close();
  }
}
