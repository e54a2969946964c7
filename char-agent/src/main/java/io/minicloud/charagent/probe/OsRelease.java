package io.minicloud.charagent.probe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses os-release(5): {@code KEY=value} lines, values unquoted or in single or double quotes
 * (double quotes allow backslash escapes). Comments and blank lines are part of the format and
 * skipped silently; any other line that is not an assignment is skipped with a warning.
 */
final class OsRelease {
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private OsRelease() {}

  static Map<String, String> parse(String source, List<String> lines, Warnings warnings) {
    Map<String, String> values = new HashMap<>();
    int number = 0;
    for (String raw : lines) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String value = eq > 0 ? unquote(line.substring(eq + 1)) : null;
      if (eq <= 0 || !KEY.matcher(line.substring(0, eq)).matches() || value == null) {
        warnings.add(
            source + ": line " + number + " skipped: '" + HostFiles.abbreviate(line) + "'");
        continue;
      }
      values.put(line.substring(0, eq), value);
    }
    return values;
  }

  /** The value without its quotes, or null when a quote is not closed. */
  private static String unquote(String value) {
    if (value.isEmpty()) {
      return value;
    }
    char quote = value.charAt(0);
    if (quote != '"' && quote != '\'') {
      return value;
    }
    if (value.length() < 2 || value.charAt(value.length() - 1) != quote) {
      return null;
    }
    String inner = value.substring(1, value.length() - 1);
    if (quote == '\'') {
      return inner;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\' && i + 1 < inner.length()) {
        c = inner.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
