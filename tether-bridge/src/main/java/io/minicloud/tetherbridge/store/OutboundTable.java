package io.minicloud.tetherbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;

/**
 * The SQL of the queue's one table; the caller holds the lock and commits. The statements of the
 * per-message path (insert, head, delete) are prepared once per connection: preparing costs about
 * as much as running them. Closing the connection finalizes them.
 */
final class OutboundTable {
  private static final String COLUMNS =
      "seq, device, topic, payload, qos, retain, priority, expires_at, enqueued_at";

  /** A number of rows and the bytes they account for. */
  record Rows(long messages, long bytes) {}

  private final Connection connection;
  private PreparedStatement insert;
  private PreparedStatement head;
  private PreparedStatement delete;

  OutboundTable(Connection connection) {
    this.connection = connection;
  }

  /** Whether this is the table of {@code c} (a corrupt file is reopened on a new connection). */
  boolean uses(Connection c) {
    return connection == c;
  }

  /** The insert statement, kept open for the connection's life: do not close it. */
  PreparedStatement insertStatement() throws SQLException {
    if (insert == null) {
      insert =
          connection.prepareStatement(
              "INSERT INTO outbound (device, topic, payload, qos, retain, priority, expires_at,"
                  + " enqueued_at, size) VALUES (?,?,?,?,?,?,?,?,?) RETURNING seq");
    }
    return insert;
  }

  static long insert(PreparedStatement insert, OutboundMessage m, long now, long size)
      throws SQLException {
    insert.setString(1, m.device());
    insert.setString(2, m.topic());
    insert.setBytes(3, m.payload());
    insert.setInt(4, m.qos());
    insert.setInt(5, m.retain() ? 1 : 0);
    insert.setInt(6, m.priority());
    insert.setLong(7, m.expiresAtMillis());
    insert.setLong(8, now);
    insert.setLong(9, size);
    try (ResultSet r = insert.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  /** The first {@code limit} rows in sending order. */
  List<QueuedMessage> head(int limit) throws SQLException {
    List<QueuedMessage> out = new ArrayList<>();
    if (head == null) {
      head =
          connection.prepareStatement(
              "SELECT " + COLUMNS + " FROM outbound ORDER BY priority DESC, seq LIMIT ?");
    }
    head.setInt(1, limit);
    try (ResultSet r = head.executeQuery()) {
      while (r.next()) {
        OutboundMessage m =
            new OutboundMessage(
                r.getString(2),
                r.getString(3),
                r.getBytes(4),
                r.getInt(5),
                r.getInt(6) != 0,
                r.getInt(7),
                r.getLong(8));
        out.add(new QueuedMessage(r.getLong(1), r.getLong(9), m));
      }
    }
    return out;
  }

  Rows delete(Collection<Long> seqs) throws SQLException {
    int deleted = 0;
    long freed = 0;
    if (delete == null) {
      delete = connection.prepareStatement("DELETE FROM outbound WHERE seq = ? RETURNING size");
    }
    for (long seq : seqs) {
      delete.setLong(1, seq);
      try (ResultSet r = delete.executeQuery()) {
        if (r.next()) {
          deleted++;
          freed += r.getLong(1);
        }
      }
    }
    return new Rows(deleted, freed);
  }

  /** Deletes every message whose time to live ran out by {@code now}. */
  Rows deleteExpired(long now) throws SQLException {
    int deleted = 0;
    long freed = 0;
    // the second condition lets SQLite use the partial index outbound_expiry
    try (PreparedStatement sweep =
        connection.prepareStatement(
            "DELETE FROM outbound WHERE expires_at <= ? AND expires_at < 9223372036854775807"
                + " RETURNING size")) {
      sweep.setLong(1, now);
      try (ResultSet r = sweep.executeQuery()) {
        while (r.next()) {
          deleted++;
          freed += r.getLong(1);
        }
      }
    }
    return new Rows(deleted, freed);
  }

  /** The lowest priority present, empty when the table is empty. */
  OptionalInt lowestPriority() throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT MIN(priority) FROM outbound");
        ResultSet r = s.executeQuery()) {
      r.next();
      int p = r.getInt(1);
      return r.wasNull() ? OptionalInt.empty() : OptionalInt.of(p);
    }
  }

  /** The oldest sequences of one priority: the eviction candidates. */
  List<Long> oldestOf(int priority, int limit) throws SQLException {
    List<Long> seqs = new ArrayList<>(limit);
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT seq FROM outbound WHERE priority = ? ORDER BY seq LIMIT ?")) {
      s.setInt(1, priority);
      s.setInt(2, limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          seqs.add(r.getLong(1));
        }
      }
    }
    return seqs;
  }

  /** Enqueue time of the oldest message, or -1 when empty. */
  long oldestEnqueuedAt() throws SQLException {
    try (PreparedStatement s =
            connection.prepareStatement("SELECT enqueued_at FROM outbound ORDER BY seq LIMIT 1");
        ResultSet r = s.executeQuery()) {
      return r.next() ? r.getLong(1) : -1;
    }
  }

  /** Message count and byte total, by a full scan (only at open and after an error). */
  Rows totals() throws SQLException {
    try (PreparedStatement s =
            connection.prepareStatement("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM outbound");
        ResultSet r = s.executeQuery()) {
      r.next();
      return new Rows(r.getInt(1), r.getLong(2));
    }
  }
}
