package io.minicloud.tetherbridge.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jboss.logging.Logger;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The queue's SQLite file: opens it in WAL mode, creates the schema, and moves a corrupt file aside
 * (with its -wal and -shm) so the bridge keeps running on a fresh, empty queue instead of failing
 * on every start.
 */
final class QueueDatabase {
  private static final Logger LOG = Logger.getLogger(QueueDatabase.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);

  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS outbound ("
        + " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
        + " device TEXT NOT NULL,"
        + " topic TEXT NOT NULL,"
        + " payload BLOB NOT NULL,"
        + " qos INTEGER NOT NULL,"
        + " retain INTEGER NOT NULL,"
        + " priority INTEGER NOT NULL,"
        + " expires_at INTEGER NOT NULL,"
        + " enqueued_at INTEGER NOT NULL,"
        + " size INTEGER NOT NULL)",
    // sending order; with priority = ? it also gives the eviction order (oldest first)
    "CREATE INDEX IF NOT EXISTS outbound_order ON outbound (priority DESC, seq)",
    // only messages with a time to live are in it, so it stays small
    "CREATE INDEX IF NOT EXISTS outbound_expiry ON outbound (expires_at)"
        + " WHERE expires_at < 9223372036854775807"
  };

  private final Path file;
  private Connection connection;
  private int movedAside;

  QueueDatabase(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /** How many corrupt files were moved aside since this object was made. */
  int movedAside() {
    return movedAside;
  }

  Connection connection() {
    return connection;
  }

  /** Opens the file, or moves it aside and starts empty when it is corrupt. */
  void open() {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new StoreException("cannot create directory for outbound queue " + file, e);
    }
    try {
      connection = openChecked();
    } catch (SQLException e) {
      closeQuietly();
      if (!isCorruption(e)) {
        throw new StoreException("cannot open outbound queue " + file + ": " + e.getMessage(), e);
      }
      moveAside(e.getMessage());
      try {
        connection = openChecked();
      } catch (SQLException again) {
        closeQuietly();
        throw new StoreException(
            "cannot open a fresh outbound queue " + file + ": " + again.getMessage(), again);
      }
    }
  }

  /** After corruption is found while running: the same treatment as at start. */
  void moveAsideAndReopen(String why) {
    closeQuietly();
    moveAside(why);
    open();
  }

  void close() {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("cannot close outbound queue " + file + ": " + e.getMessage(), e);
    } finally {
      connection = null;
    }
  }

  static boolean isCorruption(SQLException e) {
    if (e instanceof SQLiteException sqlite) {
      SQLiteErrorCode code = sqlite.getResultCode();
      return code == SQLiteErrorCode.SQLITE_CORRUPT
          || code == SQLiteErrorCode.SQLITE_NOTADB
          || code.name().startsWith("SQLITE_CORRUPT_");
    }
    return e instanceof CorruptFileException;
  }

  private Connection openChecked() throws SQLException {
    // the driver directly, not DriverManager: DriverManager refuses a driver registered by another
    // class loader (Quarkus dev/test mode), and native images need no service lookup this way
    Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, new java.util.Properties());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 5000");
      s.execute("PRAGMA journal_mode = WAL");
      s.execute("PRAGMA synchronous = NORMAL");
      try (ResultSet r = s.executeQuery("PRAGMA quick_check(1)")) {
        String verdict = r.next() ? r.getString(1) : "no answer";
        if (!"ok".equals(verdict)) {
          throw new CorruptFileException(verdict);
        }
      }
      for (String ddl : SCHEMA) {
        s.execute(ddl);
      }
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    c.setAutoCommit(false);
    return c;
  }

  private void moveAside(String why) {
    String suffix = ".corrupt-" + STAMP.format(Instant.now());
    Path aside = file.resolveSibling(file.getFileName() + suffix);
    try {
      for (String part : new String[] {"", "-wal", "-shm"}) {
        Path from = file.resolveSibling(file.getFileName() + part);
        if (Files.exists(from)) {
          Files.move(
              from,
              file.resolveSibling(file.getFileName() + suffix + part),
              StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new StoreException(
          "outbound queue " + file + " is corrupt (" + why + ") and cannot be moved aside", e);
    }
    movedAside++;
    LOG.errorf(
        "outbound queue %s is corrupt (%s): moved it to %s and started an empty queue;"
            + " the messages in the old file will not be forwarded",
        file, why, aside);
  }

  private void closeQuietly() {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warnf("closing outbound queue %s after an error failed: %s", file, e.getMessage());
    }
    connection = null;
  }

  /** quick_check found damage the open itself did not trip over. */
  static final class CorruptFileException extends SQLException {
    CorruptFileException(String verdict) {
      super("integrity check failed: " + verdict.replace('\n', ';'));
    }
  }
}
