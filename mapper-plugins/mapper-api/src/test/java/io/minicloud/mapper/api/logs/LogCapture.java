package io.minicloud.mapper.api.logs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every log record of the named logger trees, down to FINEST, while open: what would be in
 * a gateway's logs with tracing on (secrets must never appear there). System.Logger, and SLF4J
 * through slf4j-jdk14 in tests, write to java.util.logging.
 */
public final class LogCapture extends Handler implements AutoCloseable {
  private final List<Logger> loggers = new ArrayList<>();
  private final List<Level> levels = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();
  private final SimpleFormatter formatter = new SimpleFormatter();

  /**
   * @param loggerNames logger tree roots, e.g. the plugin's package and its protocol library's
   */
  public LogCapture(String... loggerNames) {
    setLevel(Level.ALL);
    for (String name : loggerNames) {
      Logger logger = Logger.getLogger(name);
      loggers.add(logger);
      levels.add(logger.getLevel());
      logger.setLevel(Level.ALL);
      logger.addHandler(this);
    }
  }

  /** Every captured record: message, parameters and thrown exception chain, one string each. */
  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public synchronized void publish(LogRecord record) {
    StringBuilder line = new StringBuilder(formatter.format(record));
    if (record.getParameters() != null) {
      line.append(Arrays.toString(record.getParameters()));
    }
    for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
      line.append(" / ").append(t);
    }
    lines.add(line.toString());
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    for (int i = 0; i < loggers.size(); i++) {
      loggers.get(i).removeHandler(this);
      loggers.get(i).setLevel(levels.get(i));
    }
  }
}
