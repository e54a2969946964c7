package io.minicloud.edgeagent.rear.ledger;

import io.minicloud.edgeagent.inventory.Resources;
import io.minicloud.edgeagent.rear.catalog.Held;
import io.minicloud.rear.quantity.Quantity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REAR ledger on disk: reservations, contracts and provisioning requests in SQLite (WAL, {@code
 * synchronous=FULL}: a contract is a commitment). A purchase writes the contract, its provisioning
 * request and the reservation's new state in one transaction, so a {@code kill -9} leaves either
 * all of them or none. One connection, used under this object's lock.
 */
public final class RearStore implements AutoCloseable {

  private static final String[] SCHEMA = {
    """
    CREATE TABLE IF NOT EXISTS reservations (
      transaction_id TEXT PRIMARY KEY, flavor_id TEXT NOT NULL, pool TEXT NOT NULL,
      buyer_id TEXT NOT NULL, principal TEXT NOT NULL, buyer_json TEXT NOT NULL,
      cluster_id TEXT NOT NULL, configuration_json TEXT,
      cpu TEXT NOT NULL, memory TEXT NOT NULL, storage TEXT NOT NULL, pods TEXT NOT NULL,
      gpus TEXT NOT NULL, units INTEGER NOT NULL,
      expires_at INTEGER NOT NULL, state TEXT NOT NULL, created_at INTEGER NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS reservations_by_buyer ON reservations(flavor_id, buyer_id, state)",
    """
    CREATE TABLE IF NOT EXISTS contracts (
      contract_id TEXT PRIMARY KEY, transaction_id TEXT NOT NULL UNIQUE,
      flavor_id TEXT NOT NULL, buyer_id TEXT NOT NULL, body TEXT NOT NULL,
      created_at INTEGER NOT NULL)""",
    """
    CREATE TABLE IF NOT EXISTS provisioning (
      contract_id TEXT PRIMARY KEY REFERENCES contracts(contract_id), target TEXT NOT NULL,
      state TEXT NOT NULL, detail TEXT NOT NULL, updated_at INTEGER NOT NULL)""",
  };

  private final Path file;
  private final Connection connection;

  public RearStore(Path file) throws SQLException {
    this.file = file;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (java.io.IOException e) {
      throw new SQLException("cannot create the directory of " + file + ": " + e.getMessage(), e);
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
      // ledgers from before the provisioning worker: add its bookkeeping columns
      addColumnIfMissing(s, "provisioning", "attempts", "INTEGER NOT NULL DEFAULT 0");
      addColumnIfMissing(s, "provisioning", "next_attempt_at", "INTEGER NOT NULL DEFAULT 0");
    }
    connection.setAutoCommit(false);
    connection.commit();
  }

  public Path file() {
    return file;
  }

  /** What every reservation still holding capacity at {@code now} takes, per pool. */
  public synchronized Map<String, Held> holds(Instant now) throws SQLException {
    Map<String, Held> out = new HashMap<>();
    for (StoredReservation r : query("state != 'released'")) {
      if (r.holds(now)) {
        out.merge(
            r.pool(), new Held(r.amount(), r.units()), (a, b) -> a.plus(b.resources(), b.units()));
      }
    }
    return out;
  }

  public synchronized Optional<StoredReservation> reservation(String transactionId)
      throws SQLException {
    List<StoredReservation> found = query("transaction_id = ?", transactionId);
    return found.stream().findFirst();
  }

  /** The buyer's reservation of the flavor that still holds, if any (re-reserve extends it). */
  public synchronized Optional<StoredReservation> activeReservation(
      String flavorId, String buyerId, Instant now) throws SQLException {
    return query("flavor_id = ? AND buyer_id = ? AND state = 'reserved'", flavorId, buyerId)
        .stream()
        .filter(r -> r.holds(now))
        .findFirst();
  }

  public synchronized void insert(StoredReservation r) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO reservations VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      int i = 1;
      s.setString(i++, r.transactionId());
      s.setString(i++, r.flavorId());
      s.setString(i++, r.pool());
      s.setString(i++, r.buyerId());
      s.setString(i++, r.principal());
      s.setString(i++, r.buyerJson());
      s.setString(i++, r.clusterId());
      s.setString(i++, r.configurationJson());
      s.setString(i++, r.amount().cpu().toString());
      s.setString(i++, r.amount().memory().toString());
      s.setString(i++, r.amount().storage().toString());
      s.setString(i++, r.amount().pods().toString());
      s.setString(i++, r.amount().gpus().toString());
      s.setLong(i++, r.units());
      s.setLong(i++, r.expiresAt().getEpochSecond());
      s.setString(i++, r.state());
      s.setLong(i, r.createdAt().getEpochSecond());
      s.executeUpdate();
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  public synchronized void extend(String transactionId, Instant expiresAt) throws SQLException {
    update(
        "UPDATE reservations SET expires_at = ? WHERE transaction_id = ?",
        expiresAt.getEpochSecond(),
        transactionId);
  }

  /** Marks reservations whose time to purchase passed as released; returns how many. */
  public synchronized int releaseExpired(Instant now) throws SQLException {
    return update(
        "UPDATE reservations SET state = 'released' WHERE state = 'reserved' AND expires_at <= ?",
        now.getEpochSecond());
  }

  /** The contract body stored for a transaction, if it was purchased. */
  public synchronized Optional<String> contractOf(String transactionId) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement("SELECT body FROM contracts WHERE transaction_id = ?")) {
      s.setString(1, transactionId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      } finally {
        connection.commit();
      }
    }
  }

  /** All contract bodies, oldest first. */
  public synchronized List<String> contracts() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery("SELECT body FROM contracts ORDER BY created_at, contract_id")) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    } finally {
      connection.commit();
    }
    return out;
  }

  /**
   * The purchase, atomically: the contract, its provisioning request, and the reservation marked
   * purchased. Fails (and changes nothing) if the reservation is no longer {@code reserved}.
   */
  public synchronized void purchase(
      StoredReservation r,
      String contractId,
      String body,
      String target,
      String detail,
      Instant now)
      throws SQLException {
    try {
      int changed =
          updateNoCommit(
              "UPDATE reservations SET state = 'purchased' WHERE transaction_id = ? AND state = 'reserved'",
              r.transactionId());
      if (changed != 1) {
        throw new SQLException("reservation " + r.transactionId() + " is no longer reserved");
      }
      try (PreparedStatement s =
          connection.prepareStatement("INSERT INTO contracts VALUES (?,?,?,?,?,?)")) {
        s.setString(1, contractId);
        s.setString(2, r.transactionId());
        s.setString(3, r.flavorId());
        s.setString(4, r.buyerId());
        s.setString(5, body);
        s.setLong(6, now.getEpochSecond());
        s.executeUpdate();
      }
      try (PreparedStatement s =
          connection.prepareStatement(
              "INSERT INTO provisioning (contract_id, target, state, detail, updated_at)"
                  + " VALUES (?,?,?,?,?)")) {
        s.setString(1, contractId);
        s.setString(2, target);
        s.setString(3, "pending");
        s.setString(4, detail);
        s.setLong(5, now.getEpochSecond());
        s.executeUpdate();
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  /** Every provisioning request for {@code target} that is not revoked, oldest first. */
  public synchronized List<ProvisioningRow> openProvisioning(String target) throws SQLException {
    return provisioningWhere("p.target = ? AND p.state != 'revoked'", target);
  }

  public synchronized Optional<ProvisioningRow> provisioningOf(String contractId)
      throws SQLException {
    return provisioningWhere("p.contract_id = ?", contractId).stream().findFirst();
  }

  /** Moves a provisioning request on (the worker's steps, a buyer's withdrawal). */
  public synchronized void updateProvisioning(
      String contractId,
      String state,
      String detail,
      int attempts,
      Instant nextAttemptAt,
      Instant now)
      throws SQLException {
    update(
        "UPDATE provisioning SET state = ?, detail = ?, attempts = ?, next_attempt_at = ?,"
            + " updated_at = ? WHERE contract_id = ?",
        state,
        detail,
        attempts,
        nextAttemptAt.getEpochSecond(),
        now.getEpochSecond(),
        contractId);
  }

  /**
   * The contract is over and its provision revoked: the request is marked {@code revoked} and the
   * reservation {@code ended}, so its capacity returns to the offers, in one transaction.
   */
  public synchronized void endContract(String contractId, String detail, Instant now)
      throws SQLException {
    try {
      updateNoCommit(
          "UPDATE provisioning SET state = 'revoked', detail = ?, attempts = 0, updated_at = ?"
              + " WHERE contract_id = ?",
          detail,
          now.getEpochSecond(),
          contractId);
      updateNoCommit(
          "UPDATE reservations SET state = 'ended' WHERE transaction_id ="
              + " (SELECT transaction_id FROM contracts WHERE contract_id = ?)",
          contractId);
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  private List<ProvisioningRow> provisioningWhere(String where, Object... args)
      throws SQLException {
    List<ProvisioningRow> out = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement(
            "SELECT p.contract_id, p.target, p.state, p.detail, p.attempts, p.next_attempt_at,"
                + " c.body, r.principal FROM provisioning p"
                + " JOIN contracts c ON c.contract_id = p.contract_id"
                + " JOIN reservations r ON r.transaction_id = c.transaction_id WHERE "
                + where
                + " ORDER BY c.created_at, p.contract_id")) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new ProvisioningRow(
                  r.getString(1),
                  r.getString(2),
                  r.getString(3),
                  r.getString(4),
                  r.getInt(5),
                  Instant.ofEpochSecond(r.getLong(6)),
                  r.getString(7),
                  r.getString(8)));
        }
      }
    } finally {
      connection.commit();
    }
    return out;
  }

  private static void addColumnIfMissing(Statement s, String table, String column, String type)
      throws SQLException {
    try (ResultSet r = s.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (r.next()) {
        if (column.equals(r.getString("name"))) {
          return;
        }
      }
    }
    s.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
  }

  /** Row counts per table, for consistency checks (a contract without provisioning is a bug). */
  public synchronized Map<String, Long> counts() throws SQLException {
    Map<String, Long> out = new HashMap<>();
    try (Statement s = connection.createStatement()) {
      for (String q :
          new String[] {
            "reservations", "contracts", "provisioning",
          }) {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + q)) {
          out.put(q, r.next() ? r.getLong(1) : 0);
        }
      }
      try (ResultSet r =
          s.executeQuery("SELECT count(*) FROM reservations WHERE state = 'purchased'")) {
        out.put("purchased", r.next() ? r.getLong(1) : 0);
      }
    } finally {
      connection.commit();
    }
    return out;
  }

  @Override
  public synchronized void close() throws SQLException {
    connection.close();
  }

  private List<StoredReservation> query(String where, Object... args) throws SQLException {
    List<StoredReservation> out = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement("SELECT * FROM reservations WHERE " + where)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(read(r));
        }
      }
    } finally {
      connection.commit();
    }
    return out;
  }

  private static StoredReservation read(ResultSet r) throws SQLException {
    Resources amount =
        new Resources(
            Quantity.parse(r.getString("cpu")),
            Quantity.parse(r.getString("memory")),
            Quantity.parse(r.getString("storage")),
            Quantity.parse(r.getString("pods")),
            Quantity.parse(r.getString("gpus")));
    return new StoredReservation(
        r.getString("transaction_id"),
        r.getString("flavor_id"),
        r.getString("pool"),
        r.getString("buyer_id"),
        r.getString("principal"),
        r.getString("buyer_json"),
        r.getString("cluster_id"),
        r.getString("configuration_json"),
        amount,
        r.getLong("units"),
        Instant.ofEpochSecond(r.getLong("expires_at")),
        r.getString("state"),
        Instant.ofEpochSecond(r.getLong("created_at")));
  }

  private int update(String sql, Object... args) throws SQLException {
    try {
      int n = updateNoCommit(sql, args);
      connection.commit();
      return n;
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  private int updateNoCommit(String sql, Object... args) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s.executeUpdate();
    }
  }
}
