package io.minicloud.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Reads a Workload as minicloud-vim returns it (JSON values): the fields tables and details show.
 * Absent fields read as {@code -} or empty, never as an error: an older or newer VIM may leave some
 * out.
 */
final class WorkloadView {

  private final Map<?, ?> workload;

  WorkloadView(Object workload) {
    this.workload = workload instanceof Map<?, ?> map ? map : Map.of();
  }

  String name() {
    return text(map(workload.get("metadata")).get("name"));
  }

  String namespace() {
    return text(map(workload.get("metadata")).get("namespace"));
  }

  String id() {
    return namespace() + "/" + name();
  }

  String kind() {
    return text(map(workload.get("spec")).get("kind"));
  }

  String phase() {
    return text(status().get("phase"));
  }

  /**
   * Whether the VIM is detached (nothing applied): phase Detached, or, for a workload that is
   * Unschedulable or Invalid there, a condition with reason Detached (Applied=False).
   */
  boolean detached() {
    return "Detached".equals(status().get("phase"))
        || conditions().stream().anyMatch(c -> "Detached".equals(c.get("reason")));
  }

  List<String> nodes() {
    return strings(status().get("nodes"));
  }

  /** The Ready condition's status ({@code True}/{@code False}/{@code Unknown}), or {@code -}. */
  String ready() {
    return conditions().stream()
        .map(WorkloadView::map)
        .filter(c -> "Ready".equals(c.get("type")))
        .map(c -> text(c.get("status")))
        .findFirst()
        .orElse("-");
  }

  List<Map<?, ?>> conditions() {
    return list(status().get("conditions")).stream().map(WorkloadView::map).toList();
  }

  Map<?, ?> placement() {
    return map(status().get("placement"));
  }

  /** How long ago {@code metadata.creationTimestamp} was, like kubectl: 45s, 12m, 3h, 5d. */
  String age(Instant now) {
    Object created = map(workload.get("metadata")).get("creationTimestamp");
    if (!(created instanceof String timestamp)) {
      return "-";
    }
    try {
      Duration age = Duration.between(Instant.parse(timestamp), now);
      if (age.isNegative()) {
        return "0s";
      }
      if (age.toMinutes() < 2) {
        return age.toSeconds() + "s";
      }
      if (age.toHours() < 2) {
        return age.toMinutes() + "m";
      }
      return age.toDays() < 2 ? age.toHours() + "h" : age.toDays() + "d";
    } catch (DateTimeParseException e) {
      return "?";
    }
  }

  private Map<?, ?> status() {
    return map(workload.get("status"));
  }

  static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> map ? map : Map.of();
  }

  static List<?> list(Object value) {
    return value instanceof List<?> list ? list : List.of();
  }

  static List<String> strings(Object value) {
    return list(value).stream().map(WorkloadView::text).toList();
  }

  static String text(Object value) {
    return value == null || value.toString().isEmpty() ? "-" : value.toString();
  }
}
