package io.minicloud.mapper.coap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every log record of ours, Californium's and Scandium's, down to FINEST (SLF4J TRACE,
 * routed to java.util.logging by slf4j-jdk14 in tests): what a gateway's logs would hold with
 * tracing on.
 */
final class LogCapture extends Handler implements AutoCloseable {
  private static final List<String> LOGGERS =
      List.of("io.minicloud.mapper.coap", "org.eclipse.californium");
  private final List<Logger> loggers = new ArrayList<>();
  private final List<Level> levels = new ArrayList<>();
  private final List<String> lines = new ArrayList<>();
  private final SimpleFormatter formatter = new SimpleFormatter();

  LogCapture() {
    setLevel(Level.ALL);
    for (String name : LOGGERS) {
      Logger logger = Logger.getLogger(name);
      loggers.add(logger);
      levels.add(logger.getLevel());
      logger.setLevel(Level.ALL);
      logger.addHandler(this);
    }
  }

  /** Every captured record: message, parameters and thrown exception chain, one string each. */
  synchronized List<String> lines() {
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
