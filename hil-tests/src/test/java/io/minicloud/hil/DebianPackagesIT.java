package io.minicloud.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.hil.DebianPackage.Entry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every agent's {@code .deb}, checked with the real Debian tools: dpkg-deb (control, contents,
 * maintainer scripts), systemd-analyze (the unit), lintian (policy), and the JVM (the AppCDS
 * archive loads). What a package must hold is in docs/packaging.md.
 */
@Tag("peer")
class DebianPackagesIT {
  private static final Path ROOT = BoardAgent.repoRoot();
  private static final String DEB_VERSION =
      DebianPackage.debianVersion(
          requiredProperty("minicloud.version"), System.getProperty("deb.revision", "1"));

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run through Maven (-pl hil-tests)");
    }
    return value;
  }

  private static DebianPackage deb(BoardAgent agent) {
    return DebianPackage.of(agent, ROOT, DEB_VERSION);
  }

  private static String appDir(BoardAgent agent) {
    return "/usr/share/minicloud/" + agent.agentName();
  }

  @ParameterizedTest
  @EnumSource(BoardAgent.class)
  void controlNamesThePackageItsVersionAndTheJre(BoardAgent agent) throws Exception {
    Map<String, String> control = deb(agent).controlFields();

    assertEquals(agent.debianPackage(), control.get("Package"));
    assertEquals(DEB_VERSION, control.get("Version"));
    assertEquals("all", control.get("Architecture"), "JVM bytecode is architecture-independent");
    assertTrue(
        control.getOrDefault("Depends", "").contains("openjdk-17-jre-headless | java17-runtime-"),
        "must depend on a Java 17 runtime: " + control.get("Depends"));
    assertTrue(
        control.getOrDefault("Maintainer", "").matches(".+ <[^@\\s]+@[^@\\s]+>"),
        "Maintainer: " + control.get("Maintainer"));
    String description = control.getOrDefault("Description", "");
    String synopsis = description.lines().findFirst().orElse("");
    assertFalse(synopsis.isBlank(), "Description needs a synopsis");
    assertTrue(synopsis.length() <= 80, synopsis);
    assertTrue(description.lines().count() > 2, "Description needs a long description");
    assertTrue(List.of("net", "admin").contains(control.get("Section")), control.get("Section"));
    assertEquals("optional", control.get("Priority"));
    assertTrue(control.getOrDefault("Homepage", "").startsWith("https://"));
  }

  @ParameterizedTest
  @EnumSource(BoardAgent.class)
  void installsTheAppTheUnitAndTheDocsRootOwnedAndNothingElse(BoardAgent agent) throws Exception {
    DebianPackage deb = deb(agent);
    List<Entry> contents = deb.contents();
    Map<String, Entry> byPath = new LinkedHashMap<>();
    contents.forEach(e -> byPath.put(e.path(), e));
    String app = "." + appDir(agent) + "/";
    String doc = "./usr/share/doc/" + deb.packageName() + "/";
    String unit = "./lib/systemd/system/" + deb.packageName() + ".service";
    String overrides = "./usr/share/lintian/overrides/" + deb.packageName();

    for (String expected :
        List.of(
            app + "quarkus-run.jar",
            app + "app-cds.jsa",
            app + "lib/boot/",
            app + "lib/main/",
            app + "app/",
            app + "quarkus/",
            unit,
            doc + "copyright",
            doc + "changelog.Debian.gz",
            doc + "examples/minicloud.yaml",
            overrides)) {
      assertTrue(byPath.containsKey(expected), expected + " missing from " + deb.file());
    }
    assertTrue(byPath.get(app + "app-cds.jsa").size() > 1 << 20, "AppCDS archive is too small");

    List<String> allowed = List.of(app, unit, doc, overrides);
    for (Entry entry : contents) {
      String path = entry.path();
      assertFalse(path.startsWith("./var/") || path.startsWith("./home/"), path);
      assertTrue(
          allowed.stream().anyMatch(a -> path.startsWith(a) || a.startsWith(path)),
          path + " is outside the package's places");
      assertEquals("root/root", entry.owner(), path);
      assertFalse(entry.mode().charAt(5) == 'w' || entry.mode().charAt(8) == 'w', path);
      assertFalse(entry.mode().matches(".*[sStT].*"), "no setuid/setgid/sticky: " + path);
    }
  }

  @ParameterizedTest
  @EnumSource(BoardAgent.class)
  void maintainerScriptsAreStrictShellAndWorkWithoutSystemd(BoardAgent agent, @TempDir Path tmp)
      throws Exception {
    Path control = deb(agent).extractControl(tmp.resolve("DEBIAN"));
    String noSystemdGuard = "[ -d /run/systemd/system ]";

    for (String name : List.of("postinst", "prerm", "postrm")) {
      Path script = control.resolve(name);
      assertTrue(Files.isExecutable(script), name + " missing or not executable");
      List<String> lines = Files.readAllLines(script);
      assertEquals("#!/bin/sh", lines.get(0), name + " shebang");
      assertTrue(lines.stream().anyMatch(l -> l.trim().equals("set -e")), name + ": set -e");
      HostCommand.Run syntax = DebianPackage.run(null, "sh", "-n", script.toString());
      assertEquals(0, syntax.exitCode(), name + " does not parse:\n" + syntax.output());
      assertTrue(String.join("\n", lines).contains(noSystemdGuard), name + ": chroot guard");
    }
    String postinst = Files.readString(control.resolve("postinst"));
    assertTrue(postinst.contains("deb-systemd-helper enable"), "postinst enables the unit");
    assertTrue(postinst.contains("deb-systemd-invoke"), "postinst starts the unit");
    assertTrue(Files.readString(control.resolve("prerm")).contains("deb-systemd-invoke stop"));
    String postrm = Files.readString(control.resolve("postrm"));
    assertTrue(postrm.contains("deb-systemd-helper purge"), "postrm purges the unit's state");
    assertTrue(postrm.contains("/var/lib/minicloud/" + agent.agentName()), "postrm purge");
    assertTrue(postrm.contains("/var/lib/private/minicloud/" + agent.agentName()), "postrm");
    assertTrue(
        Files.readString(control.resolve("triggers")).contains("interest-noawait /usr/lib/jvm"),
        "a JVM upgrade must re-check the AppCDS archive");
    Path conffiles = control.resolve("conffiles");
    assertFalse(
        Files.exists(conffiles)
            && Files.readString(conffiles).contains("/etc/minicloud/minicloud.yaml"),
        "the shared minicloud.yaml belongs to the admin, not to one package");
  }

  @ParameterizedTest
  @EnumSource(BoardAgent.class)
  void unitPassesSystemdAnalyzeVerify(BoardAgent agent, @TempDir Path tmp) throws Exception {
    DebianPackage deb = deb(agent);
    Path unit =
        deb.extractData(tmp).resolve("lib/systemd/system/" + deb.packageName() + ".service");
    assertTrue(
        Files.isExecutable(Path.of("/usr/bin/java")),
        "systemd-analyze verify checks ExecStart's /usr/bin/java: apt-get install"
            + " openjdk-17-jre-headless");

    HostCommand.Run verify = DebianPackage.run(null, "systemd-analyze", "verify", unit.toString());

    assertEquals(0, verify.exitCode(), verify.output());
    assertFalse(verify.output().contains(deb.packageName()), verify.output());
  }

  @ParameterizedTest
  @EnumSource(BoardAgent.class)
  void unitIsHardenedAndRunsTheSmallFootprintJvm(BoardAgent agent, @TempDir Path tmp)
      throws Exception {
    DebianPackage deb = deb(agent);
    Map<String, List<String>> unit =
        unitKeys(
            deb.extractData(tmp).resolve("lib/systemd/system/" + deb.packageName() + ".service"));
    String name = agent.agentName();
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("User", "minicloud");
    expected.put("WorkingDirectory", appDir(agent));
    expected.put("StateDirectory", "minicloud/" + name);
    expected.put("ReadWritePaths", "/var/lib/minicloud/" + name);
    expected.put("ProtectSystem", "strict");
    expected.put("ProtectHome", "yes");
    expected.put("PrivateTmp", "yes");
    expected.put("NoNewPrivileges", "yes");
    expected.put("ProtectKernelTunables", "yes");
    expected.put("ProtectKernelModules", "yes");
    expected.put("ProtectKernelLogs", "yes");
    expected.put("ProtectControlGroups", "yes");
    expected.put("RestrictAddressFamilies", "AF_UNIX AF_INET AF_INET6 AF_NETLINK");
    expected.put("LockPersonality", "yes");
    expected.put("RestrictRealtime", "yes");
    expected.put("RestrictSUIDSGID", "yes");
    expected.put("SystemCallArchitectures", "native");
    expected.put("CapabilityBoundingSet", "");
    expected.put("Restart", "on-failure");
    expected.put("WantedBy", "multi-user.target");
    switch (agent) {
      case CHAR_AGENT -> assertFalse(unit.containsKey("PrivateDevices"), "reads hardware");
      case TETHER_BRIDGE -> {
        assertFalse(unit.containsKey("PrivateDevices"), "owns serial ports");
        expected.put("SupplementaryGroups", "dialout");
      }
      default -> expected.put("PrivateDevices", "yes");
    }
    expected.forEach((key, value) -> assertEquals(List.of(value), unit.get(key), key));

    List<String> exec = List.of(unit.get("ExecStart").get(0).trim().split("\\s+"));
    assertEquals("/usr/bin/java", exec.get(0));
    int jar = exec.indexOf("-jar");
    assertEquals(List.of("-jar", appDir(agent) + "/quarkus-run.jar"), exec.subList(jar, jar + 2));
    List<String> flags = new ArrayList<>(BoardAgent.FOOTPRINT_FLAGS);
    flags.add("-XX:SharedArchiveFile=" + appDir(agent) + "/app-cds.jsa");
    assertEquals(
        flags,
        exec.subList(1, jar).stream().filter(f -> !f.startsWith("-D")).toList(),
        "ExecStart's JVM flags must be exactly the small-footprint set");
  }

  @ParameterizedTest
  @EnumSource(BoardAgent.class)
  void shippedAppCdsArchiveLoadsWithTheSmallFootprintFlags(BoardAgent agent, @TempDir Path tmp)
      throws Exception {
    Path app = deb(agent).extractData(tmp).resolve(appDir(agent).substring(1));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    BoardAgent.FOOTPRINT_FLAGS.stream()
        .map(f -> f.equals("-Xshare:auto") ? "-Xshare:on" : f) // fail instead of falling back
        .forEach(command::add);
    command.add("-XX:SharedArchiveFile=" + app.resolve("app-cds.jsa"));
    command.add("-Dquarkus.appcds.generate=true"); // static init only, then exit
    command.addAll(List.of("-jar", app.resolve("quarkus-run.jar").toString()));

    HostCommand.Run run = DebianPackage.run(app, command.toArray(String[]::new));

    assertEquals(
        0,
        run.exitCode(),
        "the packaged app-cds.jsa does not load (it fits only the JVM that dumped it, the one"
            + " running Maven, and only jars with their build-time modification times):\n"
            + run.output());
  }

  @ParameterizedTest
  @EnumSource(BoardAgent.class)
  void lintianFindsNoErrorsAndNoUnexplainedWarnings(BoardAgent agent, @TempDir Path tmp)
      throws Exception {
    DebianPackage deb = deb(agent);

    HostCommand.Run lintian =
        DebianPackage.run(null, "lintian", "--fail-on", "error,warning", deb.file().toString());

    List<String> findings =
        lintian.output().lines().filter(l -> l.startsWith("E:") || l.startsWith("W:")).toList();
    assertEquals(List.of(), findings, lintian.output());
    assertEquals(0, lintian.exitCode(), lintian.output());
    List<String> overrides =
        Files.readAllLines(
            deb.extractData(tmp).resolve("usr/share/lintian/overrides/" + deb.packageName()));
    for (int i = 0; i < overrides.size(); i++) {
      String line = overrides.get(i);
      if (!line.isBlank() && !line.startsWith("#")) {
        int j = i - 1;
        while (j >= 0 && !overrides.get(j).isBlank() && !overrides.get(j).startsWith("#")) {
          j--;
        }
        assertTrue(j >= 0 && overrides.get(j).startsWith("#"), "override without a why: " + line);
      }
    }
  }

  /** A unit file's keys: every "Key=Value" line, in order, comments and sections left out. */
  private static Map<String, List<String>> unitKeys(Path unit) throws Exception {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    for (String line : Files.readAllLines(unit)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("[") || !line.contains("=")) {
        continue;
      }
      int eq = line.indexOf('=');
      keys.computeIfAbsent(line.substring(0, eq).trim(), k -> new ArrayList<>())
          .add(line.substring(eq + 1).trim());
    }
    return keys;
  }
}
