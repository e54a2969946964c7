package io.minicloud.rear.peers;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Debian's {@code kubernetes} source package and the cache that programs built from it live in
 * (shared/PEERS.md, "Kubernetes API"): the Go REAR peer ({@link GoRearPeerBuild}) and
 * minicloud-vim's kube-apiserver both build from it, once, into {@code ~/.cache/minicloud}.
 *
 * <p>A cache entry is a directory that appears at once (atomic move) when its build finished, so a
 * reader never sees a half-written binary. A file lock per entry lets two JVMs (parallel Maven
 * builds) ask at once: the second waits and reuses the first's build.
 */
public final class DebianKubernetesSource {

  /** The upstream Kubernetes release in Debian 12's {@code kubernetes} source package. */
  public static final String UPSTREAM_VERSION = "1.20.2";

  /** The tarball's top directory. */
  public static final String TOP = "kubernetes-" + UPSTREAM_VERSION + "/";

  private static final String DEBIAN_SOURCES =
      "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg]"
          + " http://deb.debian.org/debian bookworm main";

  /** The downloaded source: the upstream tarball and the .dsc naming the Debian revision. */
  public record Download(Path origTarball, String dscName) {}

  /** Fills {@code out} with an entry's files, using {@code work} (deleted afterwards) freely. */
  @FunctionalInterface
  public interface Build {
    void into(Path work, Path out) throws IOException;
  }

  private DebianKubernetesSource() {}

  /**
   * {@code <cache>/<entry>/<file>}, built first under the entry's lock if it is not there.
   *
   * @param entry the cache directory's name, carrying the cache key (e.g. {@code rearpeer-<sha>})
   */
  public static Path cached(String entry, String file, Build build) throws IOException {
    Path root = cacheRoot();
    Path dir = root.resolve(entry);
    Path wanted = dir.resolve(file);
    if (Files.exists(wanted)) {
      return wanted;
    }
    Files.createDirectories(root);
    try (FileChannel channel =
            FileChannel.open(
                root.resolve(entry + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      if (!Files.exists(wanted)) { // another JVM may have built it while we waited
        removeAbandonedBuilds(dir);
        Path work = Files.createTempDirectory(root, entry + ".build-");
        try {
          Path out = work.resolve("out");
          Files.createDirectories(out);
          build.into(work, out);
          if (!Files.exists(out.resolve(file))) {
            throw new IOException("the build of " + entry + " made no " + file);
          }
          Files.move(out, dir, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          deleteTree(work);
        }
      }
    }
    return wanted;
  }

  /**
   * {@code apt-get source --download-only kubernetes} into {@code work/download}, through a private
   * apt configuration holding only a deb-src line, so the machine's own apt state stays untouched.
   *
   * @throws IOException also when Debian's package moved past {@link #UPSTREAM_VERSION}, which is
   *     part of every cache key
   */
  public static Download fetch(Path work) throws IOException {
    Tools.require("apt-get", "apt");
    Path apt = work.resolve("apt");
    for (String sub : List.of("etc/sources.list.d", "lists/partial", "cache/archives/partial")) {
      Files.createDirectories(apt.resolve(sub));
    }
    Files.writeString(apt.resolve("etc/sources.list"), DEBIAN_SOURCES + "\n");
    Path config = apt.resolve("apt.conf");
    Files.writeString(
        config,
        String.join(
            "\n",
            "Dir::Etc::SourceList \"" + apt.resolve("etc/sources.list") + "\";",
            "Dir::Etc::SourceParts \"" + apt.resolve("etc/sources.list.d") + "\";",
            "Dir::State::Lists \"" + apt.resolve("lists") + "\";",
            "Dir::Cache \"" + apt.resolve("cache") + "\";",
            // root's apt would hand downloads to _apt, which cannot write our private dirs
            "APT::Sandbox::User \"root\";",
            ""));
    Map<String, String> env = Map.of("APT_CONFIG", config.toString());
    Path download = work.resolve("download");
    Files.createDirectories(download);
    Tools.run(download, env, "apt-get", "update", "-q");
    Tools.run(download, env, "apt-get", "source", "--download-only", "-q", "kubernetes");
    Path tarball = only(download, ".orig.tar.gz");
    // Debian names it kubernetes_<debian upstream>+really<upstream>.orig.tar.gz
    if (!tarball.getFileName().toString().endsWith(UPSTREAM_VERSION + ".orig.tar.gz")) {
      throw new IOException(
          "Debian's kubernetes source is now "
              + tarball.getFileName()
              + ", not upstream "
              + UPSTREAM_VERSION
              + ": update DebianKubernetesSource.UPSTREAM_VERSION (part of the cache keys) and"
              + " rerun");
    }
    return new Download(tarball, only(download, ".dsc").getFileName().toString());
  }

  /** {@code ~/.cache/minicloud}, or the {@code minicloud.cache-dir} property, or XDG's. */
  public static Path cacheRoot() {
    String configured = System.getProperty("minicloud.cache-dir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("minicloud");
  }

  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Work directories of builds that died (a killed JVM); only safe while holding the lock. */
  private static void removeAbandonedBuilds(Path dir) throws IOException {
    String prefix = dir.getFileName() + ".build-";
    try (Stream<Path> siblings = Files.list(dir.getParent())) {
      for (Path stale :
          siblings.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
        deleteTree(stale);
      }
    }
  }

  private static Path only(Path download, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(download)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(suffix))
          .findFirst()
          .orElseThrow(
              () ->
                  new IOException(
                      "apt-get source kubernetes gave no " + suffix + " in " + download));
    }
  }
}
