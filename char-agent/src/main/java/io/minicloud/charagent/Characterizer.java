package io.minicloud.charagent;

import io.minicloud.charagent.model.Characterization;
import io.minicloud.charagent.model.Location;
import io.minicloud.charagent.probe.AcceleratorProbe;
import io.minicloud.charagent.probe.AttachedDeviceProbe;
import io.minicloud.charagent.probe.BoardProbe;
import io.minicloud.charagent.probe.CpuProbe;
import io.minicloud.charagent.probe.HostFiles;
import io.minicloud.charagent.probe.MemoryProbe;
import io.minicloud.charagent.probe.NetworkProbe;
import io.minicloud.charagent.probe.PowerProbe;
import io.minicloud.charagent.probe.SoftwareProbe;
import io.minicloud.charagent.probe.StorageProbe;
import io.minicloud.charagent.probe.Warnings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Characterizes the host below a root ({@code /} on a gateway, a captured tree in tests): runs
 * every probe with one shared {@link Warnings}, so a document lists everything that could not be
 * read. Each call reads the files again; nothing is cached here.
 */
public final class Characterizer {

  /** A characterization and how long it took (for the duration metric and the benchmark). */
  public record Run(Characterization characterization, Duration duration) {}

  private final Path root;
  private final String node;
  private final Location location;
  private final Clock clock;

  /**
   * @param root the host's root, {@code /} on a gateway
   * @param node the node name the document is about
   * @param location where the gateway stands, from configuration (fields may be null)
   * @param clock gives {@code collectedAt}
   */
  public Characterizer(Path root, String node, Location location, Clock clock) {
    this.root = Objects.requireNonNull(root, "root");
    this.node = Objects.requireNonNull(node, "node");
    this.location = Objects.requireNonNull(location, "location");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Path root() {
    return root;
  }

  public Characterization characterize() {
    return run().characterization();
  }

  /** Characterizes and measures the wall time the probes took (monotonic, not the clock). */
  public Run run() {
    long start = System.nanoTime();
    var collectedAt = clock.instant();
    var warnings = new Warnings();
    var files = new HostFiles(root, warnings);
    var board = new BoardProbe(files).probe();
    var cpu = new CpuProbe(files).probe();
    var memory = new MemoryProbe(files).probe();
    var storage = new StorageProbe(files).probe();
    var accelerators = new AcceleratorProbe(files).probe();
    var network = new NetworkProbe(files).probe();
    var devices = new AttachedDeviceProbe(files).probe();
    var power = new PowerProbe(files).probe();
    var software = new SoftwareProbe(files).probe();
    var characterization =
        new Characterization(
            Characterization.SCHEMA_VERSION,
            node,
            collectedAt,
            board,
            cpu,
            memory,
            storage,
            accelerators,
            network,
            devices,
            power,
            software,
            location,
            warnings.list());
    return new Run(characterization, Duration.ofNanos(System.nanoTime() - start));
  }
}
