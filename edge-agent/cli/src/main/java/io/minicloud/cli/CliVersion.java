package io.minicloud.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The CLI's version: the jar manifest's Implementation-Version, else the filtered resource. */
final class CliVersion {

  private CliVersion() {}

  static String get() {
    String fromManifest = CliVersion.class.getPackage().getImplementationVersion();
    if (fromManifest != null) {
      return fromManifest;
    }
    try (InputStream in = CliVersion.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "unknown");
      }
    } catch (IOException e) {
      // Reported as "unknown" below.
    }
    return "unknown";
  }
}
