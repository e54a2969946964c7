package io.minicloud.charagent.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The OpenStack tosca-parser from Debian's python3-tosca-parser, made whole with the definition
 * files in {@code shared/tosca-parser-data} (shared/PEERS.md): a private copy of the package with
 * those files laid over it, put first on PYTHONPATH for {@code /usr/bin/python3}.
 */
final class ToscaParser {

  static final Path PYTHON = Path.of("/usr/bin/python3");
  static final Path DEBIAN_PACKAGE = Path.of("/usr/lib/python3/dist-packages/toscaparser");

  /**
   * Validates with ToscaTemplate, then writes the gateway's capabilities as JSON, read with the
   * parser's own YAML loader, so a test can compare strings after the round trip.
   */
  private static final String SCRIPT =
      String.join(
          "\n",
          "import json, sys",
          "from toscaparser.tosca_template import ToscaTemplate",
          "from toscaparser.utils.yamlparser import load_yaml",
          "ToscaTemplate(sys.argv[1])",
          "tpl = load_yaml(sys.argv[1])",
          "gw = tpl['topology_template']['node_templates']['gateway']",
          "with open(sys.argv[2], 'w', encoding='utf-8') as out:",
          "    json.dump(gw['capabilities'], out)");

  /** What one run of the parser said. */
  record Result(int exitCode, String output, String capabilitiesJson) {}

  private final Path pythonPath;

  private ToscaParser(Path pythonPath) {
    this.pythonPath = pythonPath;
  }

  /**
   * Prepares the parser in {@code workDir}.
   *
   * @throws IllegalStateException naming what is missing and how to get it
   */
  static ToscaParser prepare(Path workDir) throws IOException {
    String shared = System.getProperty("shared.dir");
    if (shared == null || shared.isBlank()) {
      throw new IllegalStateException(
          "system property shared.dir is not set: run the peer tier through Maven"
              + " (./mvnw -B verify -Ppeer -pl char-agent), which passes"
              + " ${maven.multiModuleProjectDirectory}/../shared");
    }
    Path overlay = Path.of(shared, "tosca-parser-data", "toscaparser");
    if (!Files.isDirectory(overlay)) {
      throw new IllegalStateException(
          overlay
              + " is missing: the tosca-parser definition files live in shared/tosca-parser-data"
              + " next to the repository (shared/PEERS.md)");
    }
    if (!Files.isDirectory(DEBIAN_PACKAGE) || !Files.isExecutable(PYTHON)) {
      throw new IllegalStateException(
          DEBIAN_PACKAGE + " or " + PYTHON + " is missing: apt-get install python3-tosca-parser");
    }
    Path target = workDir.resolve("toscaparser");
    copyTree(DEBIAN_PACKAGE, target);
    copyTree(overlay, target);
    return new ToscaParser(workDir);
  }

  Result validate(Path document) throws IOException, InterruptedException {
    Path capabilities = Files.createTempFile(pythonPath, "capabilities", ".json");
    Path log = Files.createTempFile(pythonPath, "parser", ".log");
    var builder =
        new ProcessBuilder(
                List.of(
                    PYTHON.toString(), "-c", SCRIPT, document.toString(), capabilities.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("PYTHONPATH", pythonPath.toString());
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("tosca-parser did not finish within 120 s on " + document);
    }
    return new Result(
        process.exitValue(),
        Files.readString(log, StandardCharsets.UTF_8),
        Files.readString(capabilities, StandardCharsets.UTF_8));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path dest = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(dest);
        } else if (!source.toString().contains("__pycache__")) {
          try {
            Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
  }
}
