package io.minicloud.vim.peers;

import io.minicloud.rear.peers.DebianKubernetesSource;
import io.minicloud.rear.peers.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a real kube-apiserver from Debian's {@code kubernetes} source package with Debian's Go,
 * once, into {@code ~/.cache/minicloud/kube-apiserver-<key>/kube-apiserver} (shared/PEERS.md,
 * "Kubernetes API": no registry here ships a kube-apiserver, k3s or kwok binary).
 *
 * <p>The key is the upstream version plus {@link #RECIPE}: bump the recipe when the build steps
 * change. Only the 110 MB binary is kept; the 2 GB Go cache and the source tree go with the work
 * directory. A cold build takes 11 to 20 minutes on two shared cores, so every step says so on
 * stderr.
 */
final class KubeApiServerBuild {

  /** The build steps' version, part of the cache key. */
  static final int RECIPE = 2;

  /** Where Debian's golang-github-modern-go-reflect2-dev puts its source. */
  static final Path DEBIAN_REFLECT2 =
      Path.of("/usr/share/gocode/src/github.com/modern-go/reflect2");

  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(60);

  /** Programs the cold build runs, with the Debian package each comes from. */
  private static final Map<String, String> BUILD_TOOLS =
      Map.of("go", "golang-go", "make", "make", "rsync", "rsync", "tar", "tar", "apt-get", "apt");

  private KubeApiServerBuild() {}

  static String cacheEntry() {
    return "kube-apiserver-" + DebianKubernetesSource.UPSTREAM_VERSION + "-r" + RECIPE;
  }

  /** The cached binary if an earlier run built it. */
  static Optional<Path> cachedBinary() {
    Path binary =
        DebianKubernetesSource.cacheRoot().resolve(cacheEntry()).resolve("kube-apiserver");
    return Files.isExecutable(binary) ? Optional.of(binary) : Optional.empty();
  }

  /** What the cold build lacks on this machine, as a sentence; empty when it can run. */
  static Optional<String> missingForBuild() {
    for (Map.Entry<String, String> tool : BUILD_TOOLS.entrySet()) {
      if (Tools.find(tool.getKey()).isEmpty()) {
        return Optional.of(Tools.missing(tool.getKey(), tool.getValue()));
      }
    }
    if (!Files.isDirectory(DEBIAN_REFLECT2)) {
      return Optional.of(
          DEBIAN_REFLECT2
              + " is missing: the kube-apiserver build needs Debian's"
              + " golang-github-modern-go-reflect2-dev (apt-get install"
              + " golang-github-modern-go-reflect2-dev; .ci/peers lists it)");
    }
    return Optional.empty();
  }

  /** The cached binary, built first (under the cache entry's lock) if needed. */
  static Path binary() throws IOException {
    return DebianKubernetesSource.cached(cacheEntry(), "kube-apiserver", KubeApiServerBuild::build);
  }

  private static void build(Path work, Path out) throws IOException {
    Instant started = Instant.now();
    log(
        started,
        "cold build of kube-apiserver "
            + DebianKubernetesSource.UPSTREAM_VERSION
            + " from Debian's kubernetes source (11-20 min), in "
            + work);
    DebianKubernetesSource.Download source = DebianKubernetesSource.fetch(work);
    log(started, "fetched " + source.dscName());

    Path gopath = work.resolve("gopath");
    Path k8sIo = gopath.resolve("src/k8s.io");
    Files.createDirectories(k8sIo);
    Tools.run(k8sIo, Map.of(), "tar", "xzf", source.origTarball().toString());
    Path tree = k8sIo.resolve("kubernetes");
    // a GOPATH layout: the import path k8s.io/kubernetes is the directory
    Files.move(k8sIo.resolve(DebianKubernetesSource.TOP), tree);
    Map<String, String> env = new HashMap<>();
    env.put("GOPATH", gopath.toString());
    env.put("GOCACHE", work.resolve("gocache").toString());
    env.put("GOFLAGS", "");
    log(started, "unpacked; make generated_files (deepcopy, defaulters, conversions, openapi)");
    Tools.run(tree, env, BUILD_TIMEOUT, "make", "generated_files");

    // the vendored reflect2 1.0.1 panics under Go >= 1.18; Debian's 1.0.2 is the fixed one
    Path vendored = tree.resolve("vendor/github.com/modern-go/reflect2");
    DebianKubernetesSource.deleteTree(vendored);
    Tools.run(tree, Map.of(), "cp", "-r", DEBIAN_REFLECT2.toString(), vendored.toString());

    log(started, "go build k8s.io/kubernetes/cmd/kube-apiserver (the long part)");
    env.put("GO111MODULE", "off");
    env.put("CGO_ENABLED", "0");
    Path go = Tools.require("go", "golang-go");
    Tools.run(
        gopath,
        env,
        BUILD_TIMEOUT,
        List.of(
                go.toString(),
                "build",
                "-trimpath",
                "-ldflags",
                "-s -w" + versionFlags(),
                "-o",
                out.resolve("kube-apiserver").toString(),
                "k8s.io/kubernetes/cmd/kube-apiserver")
            .toArray(String[]::new));
    long seconds = Duration.between(started, Instant.now()).toSeconds();
    Files.writeString(
        out.resolve("BUILD-INFO"),
        "source: "
            + source.origTarball().getFileName()
            + " ("
            + source.dscName()
            + ")\nrecipe: "
            + RECIPE
            + "\ngo: "
            + Tools.output(go.toString(), "version")
            + "build seconds: "
            + seconds
            + "\n");
    log(started, "built; keeping only the binary, removing the source tree and the Go cache");
  }

  /**
   * What Kubernetes' own build scripts stamp in from git (the tarball has none), into both version
   * packages ({@code --version} reads component-base's, {@code /version} client-go's): without them
   * {@code /version} says {@code v0.0.0-master} with an empty major and minor, which clients that
   * check the server's version trip over.
   */
  private static String versionFlags() {
    String[] parts = DebianKubernetesSource.UPSTREAM_VERSION.split("\\.");
    StringBuilder flags = new StringBuilder();
    for (String pkg : List.of("k8s.io/component-base/version", "k8s.io/client-go/pkg/version")) {
      String prefix = " -X k8s.io/kubernetes/vendor/" + pkg + ".";
      flags
          .append(prefix)
          .append("gitVersion=v")
          .append(DebianKubernetesSource.UPSTREAM_VERSION)
          .append(prefix)
          .append("gitMajor=")
          .append(parts[0])
          .append(prefix)
          .append("gitMinor=")
          .append(parts[1]);
    }
    return flags.toString();
  }

  private static void log(Instant started, String what) {
    System.err.printf(
        "kube-apiserver build [%ds]: %s%n",
        Duration.between(started, Instant.now()).toSeconds(), what);
  }
}
