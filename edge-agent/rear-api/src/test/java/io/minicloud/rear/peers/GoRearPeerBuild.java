package io.minicloud.rear.peers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the {@code rearpeer} Go program from {@code src/test/go/rearpeer/main.go} against the real
 * {@code k8s.io/apimachinery/pkg/api/resource} of Debian's {@code kubernetes} source package, and
 * caches the binary under {@code ~/.cache/minicloud/rearpeer-<sha>/} so only the first run pays for
 * the download and the build (shared/PEERS.md, "Kubernetes API").
 *
 * <p>The cache key is main.go plus {@link #UPSTREAM_VERSION}: the package's Debian revisions only
 * patch kubectl printing, not apimachinery, so any revision of the same upstream gives the same
 * quantity code, and a key known before the download keeps cached runs free of apt. A file lock
 * lets two JVMs (parallel Maven builds) ask at once: the second waits and reuses the first's build.
 */
final class GoRearPeerBuild {

  /** The upstream Kubernetes release in Debian 12's {@code kubernetes} source package. */
  static final String UPSTREAM_VERSION = "1.20.2";

  private static final String MAIN_GO = "/go/rearpeer/main.go";
  private static final String DEBIAN_SOURCES =
      "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg]"
          + " http://deb.debian.org/debian bookworm main";
  private static final String TOP = "kubernetes-" + UPSTREAM_VERSION + "/";

  /**
   * The only directories taken from the source tree: the quantity package and what it imports
   * (inf.v0 for big decimals, gogo protobuf for its generated.pb.go), as GOPATH entries.
   */
  private static final Map<String, String> GOPATH_ENTRIES =
      Map.of(
          "staging/src/k8s.io/apimachinery/pkg/api/resource/",
              "k8s.io/apimachinery/pkg/api/resource",
          "vendor/gopkg.in/inf.v0/", "gopkg.in/inf.v0",
          "vendor/github.com/gogo/protobuf/proto/", "github.com/gogo/protobuf/proto");

  private GoRearPeerBuild() {}

  /** The cached binary, built first if needed. */
  static Path binary() throws IOException {
    byte[] mainGo = mainGo();
    String key = sha256(mainGo, UPSTREAM_VERSION).substring(0, 16);
    Path root = cacheRoot();
    Path dir = root.resolve("rearpeer-" + key);
    Path binary = dir.resolve("rearpeer");
    if (Files.isExecutable(binary)) {
      return binary;
    }
    Files.createDirectories(root);
    try (FileChannel channel =
            FileChannel.open(
                root.resolve("rearpeer-" + key + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      if (!Files.isExecutable(binary)) { // another JVM may have built it while we waited
        removeAbandonedBuilds(dir);
        build(mainGo, dir);
      }
    }
    return binary;
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

  private static void build(byte[] mainGo, Path dir) throws IOException {
    Path go = Tools.require("go", "golang-go");
    Tools.require("apt-get", "apt");
    Path work = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".build-");
    try {
      long started = System.nanoTime();
      Path tarball = fetchSource(work);
      Path gopath = work.resolve("gopath");
      extract(tarball, work.resolve("tree"), gopath);
      Path program = gopath.resolve("src/rearpeer");
      Files.createDirectories(program);
      Files.write(program.resolve("main.go"), mainGo);
      Path out = work.resolve("out");
      Files.createDirectories(out);
      Tools.run(
          gopath,
          Map.of(
              "GOPATH", gopath.toString(),
              "GO111MODULE", "off",
              "GOFLAGS", "",
              "CGO_ENABLED", "0",
              "GOCACHE", work.resolve("gocache").toString()),
          go.toString(),
          "build",
          "-trimpath",
          "-ldflags",
          "-s -w",
          "-o",
          out.resolve("rearpeer").toString(),
          "rearpeer");
      Files.writeString(
          out.resolve("BUILD-INFO"),
          "source: "
              + tarball.getFileName()
              + " ("
              + debianSourceName(tarball.getParent())
              + ")\ngo: "
              + Tools.output(go.toString(), "version")
              + "build seconds: "
              + (System.nanoTime() - started) / 1_000_000_000
              + "\n");
      // the finished directory appears at once: a reader never sees a half-written binary
      Files.move(out, dir, StandardCopyOption.ATOMIC_MOVE);
      System.err.printf(
          "rearpeer: fetched %s and built the Go peer in %d s, cached in %s%n",
          tarball.getFileName(), (System.nanoTime() - started) / 1_000_000_000, dir);
    } finally {
      deleteTree(work);
    }
  }

  /**
   * {@code apt-get source --download-only kubernetes} through a private apt configuration holding
   * only a deb-src line, so the machine's own apt state and sources stay untouched.
   */
  private static Path fetchSource(Path work) throws IOException {
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
    try (Stream<Path> files = Files.list(download)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".orig.tar.gz"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IOException("apt-get source kubernetes gave no .orig.tar.gz in " + download));
    }
  }

  /** The .dsc's name, which carries the Debian revision the orig tarball's name lacks. */
  private static String debianSourceName(Path download) throws IOException {
    try (Stream<Path> files = Files.list(download)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".dsc"))
          .findFirst()
          .orElse("no .dsc");
    }
  }

  /** Unpacks only {@link #GOPATH_ENTRIES} (without tests) and lays them out as a GOPATH. */
  private static void extract(Path tarball, Path tree, Path gopath) throws IOException {
    // Debian names it kubernetes_<debian upstream>+really<upstream>.orig.tar.gz
    if (!tarball.getFileName().toString().endsWith(UPSTREAM_VERSION + ".orig.tar.gz")) {
      throw new IOException(
          "Debian's kubernetes source is now "
              + tarball.getFileName()
              + ", not upstream "
              + UPSTREAM_VERSION
              + ": update GoRearPeerBuild.UPSTREAM_VERSION (the cache key) and rerun");
    }
    Files.createDirectories(tree);
    List<String> command =
        new ArrayList<>(
            List.of("tar", "xzf", tarball.toString(), "-C", tree.toString(), "--wildcards"));
    command.add("--exclude=*_test.go");
    GOPATH_ENTRIES.keySet().forEach(dir -> command.add(TOP + dir + "*"));
    Tools.run(tree, Map.of(), command.toArray(String[]::new));
    for (Map.Entry<String, String> entry : GOPATH_ENTRIES.entrySet()) {
      Path from = tree.resolve(TOP + entry.getKey());
      if (!Files.isDirectory(from)) {
        throw new IOException(tarball.getFileName() + " has no " + TOP + entry.getKey());
      }
      Path to = gopath.resolve("src").resolve(entry.getValue());
      Files.createDirectories(to.getParent());
      Files.move(from, to);
    }
  }

  private static byte[] mainGo() throws IOException {
    try (InputStream in = GoRearPeerBuild.class.getResourceAsStream(MAIN_GO)) {
      if (in == null) {
        throw new IOException(MAIN_GO + " is not on the test classpath (rear-api's pom copies it)");
      }
      return in.readAllBytes();
    }
  }

  static Path cacheRoot() {
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

  private static String sha256(byte[] program, String version) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(program);
      digest.update(("\nkubernetes " + version).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
