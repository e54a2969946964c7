package io.minicloud.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Formats {@code minicloud status} results and decides its exit code, in the manner of {@code
 * systemctl status}: 0 when at least one agent runs and every running one is UP, 1 when a running
 * agent is not UP, 3 when none runs.
 */
final class StatusReport {

  static final int ALL_UP = 0;
  static final int SOME_DOWN = 1;
  static final int NONE_RUNNING = 3;

  private static final String[] HEADERS = {"AGENT", "STATE", "HEALTH", "VERSION", "PORT", "URL"};

  private final List<AgentStatus> rows;

  StatusReport(List<AgentStatus> rows) {
    this.rows = List.copyOf(rows);
  }

  int exitCode() {
    List<ProbeResult> running =
        rows.stream()
            .map(AgentStatus::result)
            .filter(r -> r.state() == ProbeResult.State.RUNNING)
            .toList();
    if (running.isEmpty()) {
      return NONE_RUNNING;
    }
    return running.stream().allMatch(ProbeResult::isUp) ? ALL_UP : SOME_DOWN;
  }

  /** An aligned text table with a header line, one line per agent. */
  String table() {
    List<String[]> lines = new ArrayList<>();
    lines.add(HEADERS);
    for (AgentStatus row : rows) {
      ProbeResult r = row.result();
      lines.add(
          new String[] {
            row.agent().name(),
            r.state().label,
            r.health().label,
            r.version() == null ? "-" : r.version(),
            String.valueOf(row.url().getPort()),
            row.url().toString()
          });
    }
    int[] widths = new int[HEADERS.length];
    for (String[] line : lines) {
      for (int i = 0; i < line.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] line : lines) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < line.length; i++) {
        text.append(i == line.length - 1 ? line[i] : pad(line[i], widths[i] + 2));
      }
      out.append(text.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  /**
   * {@code {"exitCode":0,"agents":[{"agent":..,"state":"running","running":true,"health":"UP",
   * "version":..,"port":..,"url":..,"detail":..}]}}; health, version and detail may be null.
   */
  String json() {
    List<Object> agents = new ArrayList<>();
    for (AgentStatus row : rows) {
      ProbeResult r = row.result();
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("agent", row.agent().name());
      a.put("state", r.state().label);
      a.put("running", r.state() == ProbeResult.State.RUNNING);
      a.put("health", r.health() == ProbeResult.Health.UNKNOWN ? null : r.health().label);
      a.put("version", r.version());
      a.put("port", row.url().getPort());
      a.put("url", row.url().toString());
      a.put("detail", r.detail());
      agents.add(a);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("exitCode", exitCode());
    doc.put("agents", agents);
    return Json.write(doc);
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
