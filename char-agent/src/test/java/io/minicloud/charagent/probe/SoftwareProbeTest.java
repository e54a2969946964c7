package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.minicloud.charagent.model.Software;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftwareProbeTest {
  @TempDir Path root;
  private final Warnings warnings = new Warnings();

  private Software probe(Path tree) {
    return new SoftwareProbe(new HostFiles(tree, warnings)).probe();
  }

  private Software probe(String tree) {
    return probe(HostTree.CAPTURED.resolve(tree));
  }

  private void write(String hostPath, String text) throws IOException {
    HostTree.write(root, hostPath, text);
  }

  @Test
  void raspberryPi4K3sAgent() {
    assertEquals(
        new Software(
            "debian",
            "Debian GNU/Linux",
            "12",
            "bookworm",
            "6.6.51+rpt-rpi-v8",
            List.of("containerd"),
            "agent"),
        probe("rpi4b-bookworm64"));
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void raspberryPi5K3sServer() {
    Software software = probe("rpi5");

    assertEquals("server", software.k3sRole());
    assertEquals("6.6.51+rpt-rpi-2712", software.kernelRelease());
    assertEquals(List.of("containerd"), software.containerRuntimes());
  }

  @Test
  void raspberryPi3Raspbian32Bit() {
    assertEquals(
        new Software(
            "raspbian",
            "Raspbian GNU/Linux",
            "12",
            "bookworm",
            "6.6.51+rpt-rpi-v7",
            List.of(),
            "none"),
        probe("rpi3bplus-armv7l"));
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void jetsonUbuntuWithContainerd() {
    assertEquals(
        new Software(
            "ubuntu", "Ubuntu", "22.04", "jammy", "5.15.148-tegra", List.of("containerd"), "none"),
        probe("jetson-orin-nano"));
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void miniPcK3sServerAndDocker() {
    Software software = probe("x86-minipc");

    assertEquals("debian", software.osId());
    assertEquals("6.1.0-25-amd64", software.kernelRelease());
    assertEquals(List.of("containerd", "docker"), software.containerRuntimes());
    assertEquals("server", software.k3sRole());
    assertEquals(List.of(), warnings.list());
  }

  @Test
  void k3sRoleFromDirectoriesAndCrio() throws IOException {
    write("/var/lib/rancher/k3s/agent/etc/containerd/config.toml", "");
    write("/var/run/crio/crio.sock", "");
    assertEquals("agent", probe(root).k3sRole());
    assertEquals(List.of("crio"), probe(root).containerRuntimes());

    write("/var/lib/rancher/k3s/server/token", "");
    assertEquals("server", probe(root).k3sRole());
  }

  @Test
  void usrLibOsReleaseIsTheFallback() throws IOException {
    write("/usr/lib/os-release", "ID=alpine\nNAME='Alpine Linux'\nVERSION_ID=3.20.3\n");

    Software software = probe(root);

    assertEquals("alpine", software.osId());
    assertEquals("Alpine Linux", software.osName());
    assertEquals("3.20.3", software.osVersion());
    assertEquals("unknown", software.osCodename());
  }

  @Test
  void osReleaseQuotingAndMalformedLines() {
    Warnings parsed = new Warnings();
    Map<String, String> values =
        OsRelease.parse(
            "/etc/os-release",
            List.of(
                "# a comment",
                "",
                "NAME=\"Quoted \\\"Linux\\\"\"",
                "garbage without equals",
                "1BAD=key",
                "VERSION=\"unterminated",
                "ID=plain",
                "=novalue",
                "EMPTY="),
            parsed);

    assertEquals(Map.of("NAME", "Quoted \"Linux\"", "ID", "plain", "EMPTY", ""), values);
    assertEquals(4, parsed.list().size(), parsed.list().toString());
  }

  @Test
  void hostileFilesGiveUnknownWithWarnings() throws IOException {
    // GIVEN binary garbage as os-release, an empty kernel release
    write("/etc/os-release", "\0\0\u00ff\u0001\nID\0=\0debian\n" + "x".repeat(HostFiles.MAX_BYTES));
    write("/proc/sys/kernel/osrelease", "");
    // WHEN
    Software software = probe(root);
    // THEN
    assertEquals("linux", software.osId());
    assertEquals("unknown", software.osVersion());
    assertEquals("unknown", software.kernelRelease());
    assertEquals("none", software.k3sRole());
    // the size, three garbage lines, the kernel
    assertEquals(5, warnings.list().size(), warnings.list().toString());
  }

  @Test
  void nothingAtAll() {
    assertEquals(
        new Software("unknown", "unknown", "unknown", "unknown", "unknown", List.of(), "none"),
        probe(root));
    assertEquals(2, warnings.list().size());
  }

  @Test
  void liveMachine() {
    Software software = probe(Path.of("/"));

    assertEquals("debian", software.osId());
    assertNotEquals("unknown", software.kernelRelease());
  }
}
