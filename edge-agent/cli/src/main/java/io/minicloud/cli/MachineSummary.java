package io.minicloud.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The few lines {@code minicloud demo} prints about this machine, from the char-agent's
 * characterization: what the VIM and REAR will decide from (board, CPU, memory, KVM, accelerators,
 * attached serial devices).
 */
final class MachineSummary {

  private MachineSummary() {}

  /** Fetches the characterization from the demo's char-agent, if the demo runs one. */
  static Function<List<Agent>, List<String>> fromCharAgent(HttpClient http) {
    return present ->
        present.stream()
            .filter(a -> a.name().equals("char-agent"))
            .findFirst()
            .map(
                agent -> {
                  URI base = URI.create("http://127.0.0.1:" + agent.port() + "/");
                  try {
                    String json =
                        new CharacterizationClient(http, base, Duration.ofSeconds(5))
                            .fetch(CharacterizationClient.Format.JSON, null);
                    List<String> lines = new ArrayList<>(describe(json));
                    lines.add(
                        "  characterization: "
                            + base
                            + "characterization?format=json (or format=tosca)");
                    return lines;
                  } catch (CliFailure e) {
                    return List.of(
                        "  this machine: characterization unavailable: " + e.getMessage());
                  }
                })
            .orElse(List.of());
  }

  /** One line per topic; unknown facts print as "?", a document that is not JSON as one line. */
  static List<String> describe(String characterizationJson) {
    Map<?, ?> doc;
    try {
      if (!(Json.parse(characterizationJson) instanceof Map<?, ?> parsed)) {
        return List.of("  this machine: the char-agent answered something that is not an object");
      }
      doc = parsed;
    } catch (IllegalArgumentException e) {
      return List.of("  this machine: the char-agent answered malformed JSON: " + e.getMessage());
    }
    Map<?, ?> board = map(doc.get("board"));
    Map<?, ?> cpu = map(doc.get("cpu"));
    Map<?, ?> memory = map(doc.get("memory"));
    Map<?, ?> kvm = map(cpu.get("kvm"));
    List<String> accelerators = new ArrayList<>();
    for (Object a : list(doc.get("accelerators"))) {
      Map<?, ?> acc = map(a);
      accelerators.add(
          text(acc.get("kind")).toLowerCase(Locale.ROOT) + " " + text(acc.get("driver")));
    }
    int serialPorts = list(map(doc.get("devices")).get("serialPorts")).size();
    return List.of(
        "  this machine: " + text(board.get("model")) + " (" + text(doc.get("node")) + ")",
        "    cpu: "
            + text(cpu.get("model"))
            + " x"
            + text(cpu.get("cores"))
            + ", "
            + text(cpu.get("architecture"))
            + ", KVM "
            + (Boolean.TRUE.equals(kvm.get("usable")) ? "usable" : "not usable"),
        "    memory: "
            + gib(memory.get("totalBytes"))
            + " total, "
            + gib(memory.get("availableBytes"))
            + " available",
        "    accelerators: "
            + (accelerators.isEmpty() ? "none" : String.join(", ", accelerators))
            + "; serial devices: "
            + serialPorts
            + "; warnings: "
            + list(doc.get("warnings")).size());
  }

  private static Map<?, ?> map(Object value) {
    return value instanceof Map<?, ?> m ? m : Map.of();
  }

  private static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }

  private static String text(Object value) {
    if (value instanceof Double d && d == Math.rint(d)) {
      return Long.toString(d.longValue());
    }
    return value == null ? "?" : value.toString();
  }

  private static String gib(Object bytes) {
    return bytes instanceof Number n
        ? String.format(Locale.ROOT, "%.1f GiB", n.doubleValue() / (1L << 30))
        : "?";
  }
}
