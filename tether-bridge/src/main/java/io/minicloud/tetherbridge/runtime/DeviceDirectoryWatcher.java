package io.minicloud.tetherbridge.runtime;

import io.minicloud.tetherbridge.devices.DeviceFileException;
import io.minicloud.tetherbridge.devices.DeviceFileReader;
import io.minicloud.tetherbridge.devices.DeviceSet;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Watches the device directory and applies changed files live. A file event (inotify) triggers a
 * check at once; a rescan every {@code rescan} catches what events miss (editors that rename,
 * network file systems). Nothing is applied unless the whole directory reads and binds.
 */
public final class DeviceDirectoryWatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(DeviceDirectoryWatcher.class.getName());

  /** The last load: when, whether it applied, and the errors if not. */
  public record LoadResult(Instant at, boolean applied, List<String> errors) {}

  /** Applies a set; throws when it cannot be bound. */
  @FunctionalInterface
  public interface Target {
    void apply(DeviceSet set) throws DeviceFileException;
  }

  private final Path dir;
  private final DeviceFileReader reader;
  private final Target target;
  private final Duration rescan;
  private final Clock clock;
  private volatile LoadResult last;
  private String fingerprint = "";
  private Thread thread;
  private WatchService watch;
  private volatile boolean running = true;

  public DeviceDirectoryWatcher(
      Path dir, DeviceFileReader reader, Target target, Duration rescan, Clock clock) {
    this.dir = dir;
    this.reader = reader;
    this.target = target;
    this.rescan = rescan;
    this.clock = clock;
  }

  /** Loads once now (the caller sees the outcome), then watches in the background. */
  public LoadResult start() {
    LoadResult first = checkNow();
    thread = new Thread(this::loop, "device-files " + dir);
    thread.setDaemon(true);
    thread.start();
    return first;
  }

  public LoadResult last() {
    return last;
  }

  /** Reloads when the files differ from the last attempt. */
  public synchronized LoadResult checkNow() {
    String now = fingerprint();
    if (now.equals(fingerprint) && last != null) {
      return last;
    }
    fingerprint = now;
    try {
      target.apply(reader.readAll(dir));
      last = new LoadResult(clock.instant(), true, List.of());
    } catch (DeviceFileException e) {
      last = new LoadResult(clock.instant(), false, e.messages());
      LOG.warning(
          () ->
              "device files rejected, the running devices stay:\n  "
                  + String.join("\n  ", e.messages()));
    }
    return last;
  }

  private String fingerprint() {
    if (!Files.isDirectory(dir)) {
      return "missing";
    }
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        sb.append(f.getFileName())
            .append(':')
            .append(Files.getLastModifiedTime(f).toMillis())
            .append(':')
            .append(Files.size(f))
            .append(';');
      }
    } catch (IOException e) {
      return "unreadable " + e.getMessage();
    }
    return sb.toString();
  }

  private void loop() {
    try {
      if (Files.isDirectory(dir)) {
        watch = dir.getFileSystem().newWatchService();
        dir.register(
            watch,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    } catch (IOException e) {
      LOG.info(
          () ->
              "no file events for "
                  + dir
                  + " ("
                  + e.getMessage()
                  + "), rescanning every "
                  + rescan.toMillis()
                  + " ms");
    }
    while (running) {
      try {
        if (watch != null) {
          var key = watch.poll(rescan.toMillis(), TimeUnit.MILLISECONDS);
          if (key != null) {
            key.pollEvents();
            key.reset();
            Thread.sleep(100); // let an editor finish writing before reading
          }
        } else {
          Thread.sleep(rescan.toMillis());
        }
        checkNow();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
    if (watch != null) {
      try {
        watch.close();
      } catch (IOException e) {
        LOG.fine(() -> "closing the watch service: " + e.getMessage());
      }
    }
  }
}
