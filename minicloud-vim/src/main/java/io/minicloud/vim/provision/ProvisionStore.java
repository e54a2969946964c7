package io.minicloud.vim.provision;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The provisions on disk: SQLite in the data dir (WAL, {@code synchronous=FULL}), one row per
 * contract. It holds no credential: a kubeconfig is issued again (a new bound token) whenever it is
 * asked for, so a copy of the data dir gives nobody access to a buyer's namespace. One connection,
 * used under this object's lock.
 */
public final class ProvisionStore implements AutoCloseable {

  private static final String SCHEMA =
      """
      CREATE TABLE IF NOT EXISTS provisions (
        contract_id TEXT PRIMARY KEY, buyer_id TEXT NOT NULL, flavor_type TEXT NOT NULL,
        namespace TEXT NOT NULL, state TEXT NOT NULL, reason TEXT,
        expires_at INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)""";

  private final Connection connection;

  public ProvisionStore(Path file) throws SQLException {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new SQLException("cannot create the directory of " + file + ": " + e.getMessage(), e);
    }
    // the driver directly: DriverManager refuses drivers of another class loader (Quarkus tests)
    connection = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new Properties());
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA busy_timeout = 5000");
      s.execute("PRAGMA journal_mode = WAL");
      s.execute("PRAGMA synchronous = FULL");
      s.execute(SCHEMA);
      s.execute("CREATE INDEX IF NOT EXISTS provisions_by_expiry ON provisions(state, expires_at)");
    }
  }

  public synchronized Optional<Provision> find(String contractId) throws SQLException {
    List<Provision> found = query("contract_id = ?", contractId);
    return found.stream().findFirst();
  }

  /** Provisions still in place whose contract has ended at {@code now}. */
  public synchronized List<Provision> expired(Instant now) throws SQLException {
    return query("state != 'revoked' AND expires_at <= ?", now.getEpochSecond());
  }

  /** Inserts or replaces the row of {@code p.contractId()}. */
  public synchronized void save(Provision p) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT OR REPLACE INTO provisions VALUES (?,?,?,?,?,?,?,?,?)")) {
      s.setString(1, p.contractId());
      s.setString(2, p.buyerId());
      s.setString(3, p.flavorType().name());
      s.setString(4, p.namespace());
      s.setString(5, p.state().name());
      s.setString(6, p.reason());
      s.setLong(7, p.expiresAt().getEpochSecond());
      s.setLong(8, p.createdAt().getEpochSecond());
      s.setLong(9, p.updatedAt().getEpochSecond());
      s.executeUpdate();
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    connection.close();
  }

  private List<Provision> query(String where, Object... args) throws SQLException {
    List<Provision> out = new ArrayList<>();
    try (PreparedStatement s =
        connection.prepareStatement("SELECT * FROM provisions WHERE " + where)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new Provision(
                  r.getString("contract_id"),
                  r.getString("buyer_id"),
                  FlavorKind.valueOf(r.getString("flavor_type")),
                  r.getString("namespace"),
                  ProvisionState.valueOf(r.getString("state")),
                  r.getString("reason"),
                  Instant.ofEpochSecond(r.getLong("expires_at")),
                  Instant.ofEpochSecond(r.getLong("created_at")),
                  Instant.ofEpochSecond(r.getLong("updated_at"))));
        }
      }
    }
    return out;
  }
}
