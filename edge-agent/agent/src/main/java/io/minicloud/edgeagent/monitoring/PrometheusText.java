package io.minicloud.edgeagent.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The samples of the metric families we want from a Prometheus text exposition (format 0.0.4),
 * parsed by hand in one pass per line. Lines that do not parse are skipped: one odd line from a
 * newer char-agent must not cost the whole node's metrics.
 */
public final class PrometheusText {

  /** One sample: metric name, labels, value. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private PrometheusText() {}

  public static List<Sample> parse(String text, Set<String> wanted) {
    List<Sample> samples = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      Sample s = line(text.substring(start, end).strip(), wanted);
      if (s != null) {
        samples.add(s);
      }
      start = end + 1;
    }
    return samples;
  }

  static Sample line(String line, Set<String> wanted) {
    if (line.isEmpty() || line.charAt(0) == '#') {
      return null;
    }
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    String name = line.substring(0, i);
    if (!wanted.contains(name)) {
      return null;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (i < line.length() && line.charAt(i) == '{') {
      i = labels(line, i + 1, labels);
      if (i < 0) {
        return null;
      }
    }
    String rest = line.substring(i).strip();
    int space = rest.indexOf(' ');
    String value = space < 0 ? rest : rest.substring(0, space);
    try {
      return new Sample(name, labels, Double.parseDouble(value));
    } catch (NumberFormatException e) {
      return null; // e.g. a truncated line
    }
  }

  /** Reads {@code k="v",...}} from {@code i}; returns the index after '}' or -1 if malformed. */
  private static int labels(String line, int i, Map<String, String> labels) {
    while (i < line.length()) {
      if (line.charAt(i) == '}') {
        return i + 1;
      }
      int eq = line.indexOf('=', i);
      if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
        return -1;
      }
      String key = line.substring(i, eq).strip();
      StringBuilder value = new StringBuilder();
      int j = eq + 2;
      while (j < line.length() && line.charAt(j) != '"') {
        char c = line.charAt(j);
        if (c == '\\' && j + 1 < line.length()) {
          char n = line.charAt(++j);
          value.append(n == 'n' ? '\n' : n);
        } else {
          value.append(c);
        }
        j++;
      }
      if (j >= line.length()) {
        return -1;
      }
      labels.put(key, value.toString());
      i = j + 1;
      if (i < line.length() && line.charAt(i) == ',') {
        i++;
      }
    }
    return -1;
  }
}
