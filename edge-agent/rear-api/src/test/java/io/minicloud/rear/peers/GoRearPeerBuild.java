package io.minicloud.rear.peers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code rearpeer} Go program from {@code src/test/go/rearpeer/main.go} against the real
 * {@code k8s.io/apimachinery/pkg/api/resource} of Debian's {@code kubernetes} source package, and
 * caches the binary under {@code ~/.cache/minicloud/rearpeer-<sha>/} so only the first run pays for
 * the download and the build (shared/PEERS.md, "Kubernetes API").
 *
 * <p>The cache key is main.go plus {@link DebianKubernetesSource#UPSTREAM_VERSION}: the package's
 * Debian revisions only patch kubectl printing, not apimachinery, so any revision of the same
 * upstream gives the same quantity code, and a key known before the download keeps cached runs free
 * of apt.
 */
final class GoRearPeerBuild {

  private static final String MAIN_GO = "/go/rearpeer/main.go";
  private static final String TOP = DebianKubernetesSource.TOP;

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
    String key = sha256(mainGo, DebianKubernetesSource.UPSTREAM_VERSION).substring(0, 16);
    return DebianKubernetesSource.cached(
        "rearpeer-" + key, "rearpeer", (work, out) -> build(mainGo, work, out));
  }

  private static void build(byte[] mainGo, Path work, Path out) throws IOException {
    Path go = Tools.require("go", "golang-go");
    long started = System.nanoTime();
    DebianKubernetesSource.Download source = DebianKubernetesSource.fetch(work);
    Path gopath = work.resolve("gopath");
    extract(source.origTarball(), work.resolve("tree"), gopath);
    Path program = gopath.resolve("src/rearpeer");
    Files.createDirectories(program);
    Files.write(program.resolve("main.go"), mainGo);
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
            + source.origTarball().getFileName()
            + " ("
            + source.dscName()
            + ")\ngo: "
            + Tools.output(go.toString(), "version")
            + "build seconds: "
            + (System.nanoTime() - started) / 1_000_000_000
            + "\n");
    System.err.printf(
        "rearpeer: fetched %s and built the Go peer in %d s%n",
        source.origTarball().getFileName(), (System.nanoTime() - started) / 1_000_000_000);
  }

  /** Unpacks only {@link #GOPATH_ENTRIES} (without tests) and lays them out as a GOPATH. */
  private static void extract(Path tarball, Path tree, Path gopath) throws IOException {
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
}
