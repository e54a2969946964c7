package io.minicloud.charagent.probe;

import io.minicloud.charagent.model.Characterization;
import io.minicloud.charagent.model.Software;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OS from os-release, the kernel release, container runtimes and the k3s role.
 *
 * <p>Runtimes and k3s are found by the existence of sockets, binaries and unit files only: sockets
 * are never opened (a captured tree holds them as empty files). The k3s role is {@code server} when
 * the server unit or the {@code /var/lib/rancher/k3s/server} directory exists (a server also has an
 * agent directory), {@code agent} when only the agent unit or directory does, else {@code none}.
 */
public final class SoftwareProbe {
  private static final String U = Characterization.UNKNOWN;

  /** Runtime name → sockets and binaries any one of which shows it; /var/run is usually /run. */
  private static final Map<String, List<String>> RUNTIMES =
      Map.of(
          "containerd",
          List.of(
              "/run/containerd/containerd.sock",
              "/run/k3s/containerd/containerd.sock",
              "/usr/bin/containerd",
              "/usr/local/bin/containerd"),
          "docker",
          List.of("/var/run/docker.sock", "/run/docker.sock", "/usr/bin/dockerd"),
          "crio",
          List.of("/var/run/crio/crio.sock", "/run/crio/crio.sock", "/usr/bin/crio"));

  private final HostFiles files;

  public SoftwareProbe(HostFiles files) {
    this.files = files;
  }

  public Software probe() {
    Map<String, String> os = osRelease();
    boolean missing = os == null;
    if (missing) {
      os = Map.of();
    }
    return new Software(
        missing ? U : value(os, "ID", "linux"),
        missing ? U : value(os, "NAME", "Linux"),
        value(os, "VERSION_ID", U),
        value(os, "VERSION_CODENAME", U),
        files
            .required("/proc/sys/kernel/osrelease", "kernel release")
            .map(HostFiles::abbreviate)
            .orElse(U),
        runtimes(),
        k3sRole());
  }

  private static String value(Map<String, String> os, String key, String absent) {
    String value = os.get(key);
    return value == null || value.isBlank() ? absent : HostFiles.abbreviate(value);
  }

  /**
   * os-release(5): /etc/os-release, falling back to /usr/lib/os-release; null when neither can be
   * read. In a file that is there, a missing ID means "linux" and NAME "Linux", as the format says.
   */
  private Map<String, String> osRelease() {
    for (String path : List.of("/etc/os-release", "/usr/lib/os-release")) {
      List<String> lines = files.lines(path);
      if (!lines.isEmpty()) {
        return OsRelease.parse(path, lines, files.warnings());
      }
    }
    files.warnings().add("/etc/os-release: missing or empty, OS unknown");
    return null;
  }

  private List<String> runtimes() {
    List<String> found = new ArrayList<>();
    for (String runtime : List.of("containerd", "docker", "crio")) {
      if (RUNTIMES.get(runtime).stream().anyMatch(files::exists)) {
        found.add(runtime);
      }
    }
    return found;
  }

  private String k3sRole() {
    if (files.exists("/etc/systemd/system/k3s.service")
        || Files.isDirectory(files.resolve("/var/lib/rancher/k3s/server"))) {
      return "server";
    }
    if (files.exists("/etc/systemd/system/k3s-agent.service")
        || Files.isDirectory(files.resolve("/var/lib/rancher/k3s/agent"))) {
      return "agent";
    }
    return "none";
  }
}
