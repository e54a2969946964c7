package io.minicloud.charagent.wiring;

import io.minicloud.charagent.Characterizer;
import io.minicloud.charagent.model.Characterization;
import io.minicloud.charagent.model.Location;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Characterizes the host at start-up and then every {@code refresh}, keeps the last result for
 * {@code GET /characterization}, feeds the metrics and labels the node.
 */
@Singleton
public class CharacterizationService {

  private static final Logger LOG = Logger.getLogger(CharacterizationService.class);

  private final CharAgentOptions options;
  private final Characterizer characterizer;
  private final CharacterizationMetrics metrics;
  private final NodeLabeling labeling;
  private final AtomicReference<Characterization> last = new AtomicReference<>();
  private ScheduledExecutorService refresher;

  public CharacterizationService(
      CharAgentOptions options, CharacterizationMetrics metrics, NodeLabeling labeling) {
    this.options = options;
    this.metrics = metrics;
    this.labeling = labeling;
    if (options.refresh().compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "minicloud.char-agent.refresh must be at least 1s, got " + options.refresh());
    }
    this.characterizer =
        new Characterizer(options.root(), nodeName(options), location(options), Clock.systemUTC());
  }

  void onStart(@Observes StartupEvent event) {
    refresh();
    refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "char-agent-refresh");
              t.setDaemon(true);
              return t;
            });
    long period = options.refresh().toMillis();
    refresher.scheduleWithFixedDelay(this::refreshSafely, period, period, TimeUnit.MILLISECONDS);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (refresher != null) {
      refresher.shutdownNow();
    }
  }

  /** The last characterization of the configured root. */
  public Characterization last() {
    Characterization c = last.get();
    return c != null ? c : refresh();
  }

  /** A fresh characterization of another root (not cached, not labelled, not in the metrics). */
  public Characterization characterize(Path root) {
    return new Characterizer(root, nodeName(options), location(options), Clock.systemUTC())
        .characterize();
  }

  private synchronized Characterization refresh() {
    Characterizer.Run run = characterizer.run();
    last.set(run.characterization());
    metrics.record(run);
    labeling.label(run.characterization());
    return run.characterization();
  }

  private void refreshSafely() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // Probes do not throw on bad input; this is a bug, and the next period tries again.
      LOG.errorf(e, "Characterization failed");
    }
  }

  static String nodeName(CharAgentOptions options) {
    return options
        .nodeName()
        .filter(n -> !n.isBlank())
        .orElseGet(CharacterizationService::hostName);
  }

  static Location location(CharAgentOptions options) {
    var l = options.location();
    Double latitude = l.latitude().orElse(null);
    Double longitude = l.longitude().orElse(null);
    if (latitude != null && !(latitude >= -90 && latitude <= 90)) {
      throw new IllegalArgumentException(
          "minicloud.char-agent.location.latitude must be between -90 and 90, got " + latitude);
    }
    if (longitude != null && !(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException(
          "minicloud.char-agent.location.longitude must be between -180 and 180, got " + longitude);
    }
    return new Location(
        l.continent().orElse(null),
        l.country().orElse(null),
        l.city().orElse(null),
        latitude,
        longitude);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
