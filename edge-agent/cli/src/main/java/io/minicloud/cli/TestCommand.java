package io.minicloud.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code minicloud test}: make sure the real peers are installed, then run every test tier. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    header = "Install missing test peers, then run all test tiers.",
    description = {
      "Check that the peer commands listed in <root>/.ci/peers are on PATH (as root: install"
          + " the missing ones with apt-get), then run <root>/mvnw -B verify -Ppeer,hil"
          + " [MAVEN_ARGS].",
      "Extra Maven arguments go after --, e.g.: minicloud test -- -pl char-agent"
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      " 0:all tests passed",
      " 1:Maven failed (its own exit code is passed through)",
      " 2:peer commands are missing and were not installed (not root, or --no-install);"
          + " usage error",
      " 3:.ci/peers is missing or malformed",
      " 4:installing the missing peers with apt-get failed"
    })
final class TestCommand implements Callable<Integer> {

  static final int EXIT_PEERS_MISSING = 2;
  static final int EXIT_BAD_MANIFEST = 3;
  static final int EXIT_INSTALL_FAILED = 4;

  @Spec CommandSpec spec;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      defaultValue = "${sys:minicloud.home}",
      description =
          "Repository root (default: set by the ./minicloud launcher, else found from the"
              + " working directory).")
  Path home;

  @Option(
      names = "--no-install",
      description = "Never install peers: name the missing ones and exit 2.")
  boolean noInstall;

  @Parameters(
      paramLabel = "MAVEN_ARGS",
      arity = "0..*",
      description = "Extra Maven arguments, after --.")
  List<String> mavenArgs = new ArrayList<>();

  private final ExecutableLookup lookup = ExecutableLookup.fromEnvironment();
  private final ForegroundRunner runner = new ForegroundRunner(new SystemProcessLauncher());

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path root = RepoRoot.resolve(home, Path.of(""));
    PrintWriter out = spec.commandLine().getOut();
    PeerManifest manifest = readManifest(root.resolve(".ci").resolve("peers"));
    List<PeerManifest.Peer> missing = manifest.missing(lookup);
    if (!missing.isEmpty()) {
      List<String> packages = PeerManifest.packages(missing);
      String names =
          missing.stream()
              .map(p -> p.command() + " (" + p.debianPackage() + ")")
              .collect(Collectors.joining(", "));
      if (noInstall || !CurrentUser.isRoot()) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("minicloud test: missing peer commands: " + names);
        err.flush();
        throw new CliFailure(
            EXIT_PEERS_MISSING,
            "install them with: sudo apt-get install -y --no-install-recommends "
                + String.join(" ", packages));
      }
      out.println("minicloud test: installing missing peers: " + names);
      out.flush();
      install(packages, root);
      List<PeerManifest.Peer> still = manifest.missing(lookup);
      if (!still.isEmpty()) {
        throw new CliFailure(
            EXIT_INSTALL_FAILED,
            "still missing after apt-get install: "
                + still.stream().map(PeerManifest.Peer::command).collect(Collectors.joining(", ")));
      }
    }
    List<String> maven = new ArrayList<>();
    maven.add(root.resolve("mvnw").toString());
    maven.addAll(List.of("-B", "verify", "-Ppeer,hil"));
    maven.addAll(mavenArgs);
    out.println("minicloud test: " + String.join(" ", maven));
    out.flush();
    return runner.run(maven, root);
  }

  private static PeerManifest readManifest(Path file) throws IOException {
    try {
      return PeerManifest.read(file);
    } catch (NoSuchFileException e) {
      throw new CliFailure(EXIT_BAD_MANIFEST, "peer manifest " + file + " does not exist");
    } catch (IllegalArgumentException e) {
      throw new CliFailure(EXIT_BAD_MANIFEST, e.getMessage());
    }
  }

  private void install(List<String> packages, Path root) throws IOException, InterruptedException {
    if (runner.run(List.of("apt-get", "update"), root) != 0) {
      throw new CliFailure(EXIT_INSTALL_FAILED, "apt-get update failed");
    }
    List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y"));
    install.add("--no-install-recommends");
    install.addAll(packages);
    if (runner.run(install, root) != 0) {
      throw new CliFailure(
          EXIT_INSTALL_FAILED, "apt-get install " + String.join(" ", packages) + " failed");
    }
  }
}
