package io.minicloud.cli;

import java.util.List;
import java.util.Map;

/**
 * One answer of minicloud-vim: the status code and the JSON body (null when empty or not JSON).
 * Errors follow the VIM's contract: {@code {"error": "...", "problems": ["field: what", ...]}}.
 */
record VimResponse(int status, Object json, String text) {

  boolean ok() {
    return status >= 200 && status < 300;
  }

  /** The body as an object, or an empty map. */
  Map<String, Object> object() {
    if (json instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) map;
      return object;
    }
    return Map.of();
  }

  /** The VIM's {@code error}, else the start of the body, else the status. */
  String error() {
    if (object().get("error") instanceof String error && !error.isBlank()) {
      return error;
    }
    String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
    if (line.isEmpty()) {
      return "HTTP " + status;
    }
    return line.length() <= 200 ? line : line.substring(0, 200) + "...";
  }

  /** The VIM's {@code problems}, each naming a field. */
  List<String> problems() {
    if (object().get("problems") instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  /** {@code error} and then one indented line per problem: what the CLI prints on a failure. */
  String explanation() {
    StringBuilder out = new StringBuilder(error());
    for (String problem : problems()) {
      out.append("\n  - ").append(problem);
    }
    return out.toString();
  }
}
