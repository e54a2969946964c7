package io.minicloud.mapper.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small, safe subset of JSONPath that names exactly one value in a payload.
 *
 * <ul>
 *   <li>{@code $}: the whole payload (a device publishing a bare {@code 21.5})
 *   <li>{@code .name}: an object member; names of letters, digits, {@code _} and {@code -}
 *   <li>{@code ['any key']} or {@code ["any key"]}: any member name; {@code \'}, {@code \"} and
 *       {@code \\} escape
 *   <li>{@code [0]}: an array element, counted from 0
 * </ul>
 *
 * No wildcards, recursive descent, slices, negative indices, filters or script expressions: a path
 * names one value, and evaluating it can neither loop nor run code. A path is at most {@value
 * #MAX_LENGTH} characters and {@value #MAX_SEGMENTS} steps; evaluation walks the steps in a loop.
 */
public final class JsonPath {
  public static final int MAX_LENGTH = 256;
  public static final int MAX_SEGMENTS = 32;
  private static final int MAX_INDEX_DIGITS = 7;

  /** One step: an object member or an array element. */
  private sealed interface Segment permits Member, Element {}

  private record Member(String name) implements Segment {
    @Override
    public String toString() {
      return isPlainName(name)
          ? "." + name
          : "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }
  }

  private record Element(int index) implements Segment {
    @Override
    public String toString() {
      return "[" + index + "]";
    }
  }

  /**
   * The outcome of evaluating a path: the value found, or why there is none.
   *
   * @param value the value, null when missing
   * @param missing why nothing was found, e.g. {@code no member 'Power' in the object at $.ENERGY}
   */
  public record Match(JsonNode value, String missing) {
    public boolean found() {
      return value != null;
    }
  }

  private final String text;
  private final List<Segment> segments;

  private JsonPath(String text, List<Segment> segments) {
    this.text = text;
    this.segments = List.copyOf(segments);
  }

  /**
   * Parses a path.
   *
   * @throws IllegalArgumentException naming the position and what is not supported there
   */
  public static JsonPath parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("longer than " + MAX_LENGTH + " characters");
    }
    if (!text.startsWith("$")) {
      throw new IllegalArgumentException("'" + text + "' must start with $");
    }
    List<Segment> segments = new ArrayList<>();
    int i = 1;
    while (i < text.length()) {
      if (segments.size() == MAX_SEGMENTS) {
        throw new IllegalArgumentException("more than " + MAX_SEGMENTS + " steps");
      }
      char c = text.charAt(i);
      if (c == '.') {
        i = parseName(text, i + 1, segments);
      } else if (c == '[') {
        i = parseBracket(text, i + 1, segments);
      } else {
        throw unexpected(text, i, "expected '.' or '['");
      }
    }
    return new JsonPath(text, segments);
  }

  private static int parseName(String text, int start, List<Segment> segments) {
    if (start < text.length() && text.charAt(start) == '.') {
      throw unexpected(text, start, "recursive descent (..) is not supported");
    }
    int end = start;
    while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
      end++;
    }
    String name = text.substring(start, end);
    if (name.equals("*")) {
      throw unexpected(text, start, "wildcards are not supported");
    }
    if (!isPlainName(name)) {
      throw unexpected(
          text, start, "a name after '.' is letters, digits, _ and -; use ['...'] for others");
    }
    segments.add(new Member(name));
    return end;
  }

  private static int parseBracket(String text, int start, List<Segment> segments) {
    if (start >= text.length()) {
      throw unexpected(text, start, "unclosed '['");
    }
    char c = text.charAt(start);
    if (c == '\'' || c == '"') {
      StringBuilder name = new StringBuilder();
      int i = start + 1;
      while (i < text.length() && text.charAt(i) != c) {
        char ch = text.charAt(i);
        if (ch == '\\') {
          if (i + 1 >= text.length() || "\\'\"".indexOf(text.charAt(i + 1)) < 0) {
            throw unexpected(text, i, "only \\', \\\" and \\\\ escapes are supported");
          }
          ch = text.charAt(++i);
        }
        name.append(ch);
        i++;
      }
      if (i + 1 >= text.length() || text.charAt(i + 1) != ']') {
        throw unexpected(text, i, "expected a closing quote and ']'");
      }
      segments.add(new Member(name.toString()));
      return i + 2;
    }
    int end = start;
    while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
      end++;
    }
    if (end == start || end >= text.length() || text.charAt(end) != ']') {
      throw unexpected(
          text,
          start,
          switch (c) {
            case '*' -> "wildcards are not supported";
            case '?' -> "filter expressions are not supported";
            case '(' -> "script expressions are not supported";
            case '-' -> "negative indices are not supported";
            default -> "expected an index [0] or a quoted name ['...']";
          });
    }
    if (end - start > MAX_INDEX_DIGITS) {
      throw unexpected(text, start, "index too large");
    }
    segments.add(new Element(Integer.parseInt(text.substring(start, end))));
    return end + 1;
  }

  private static boolean isPlainName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static IllegalArgumentException unexpected(String text, int at, String why) {
    return new IllegalArgumentException("'" + text + "' at position " + at + ": " + why);
  }

  /**
   * The member names of a path made only of {@code .name} / {@code ['name']} steps ({@code $} has
   * none), for writers that build the object a value sits in; empty when the path has an index.
   */
  public java.util.Optional<List<String>> memberNames() {
    List<String> names = new ArrayList<>();
    for (Segment segment : segments) {
      if (!(segment instanceof Member m)) {
        return java.util.Optional.empty();
      }
      names.add(m.name());
    }
    return java.util.Optional.of(List.copyOf(names));
  }

  /** Finds the one value this path names in {@code root}. */
  public Match evaluate(JsonNode root) {
    JsonNode node = root;
    StringBuilder at = new StringBuilder("$");
    for (Segment segment : segments) {
      JsonNode next;
      if (segment instanceof Member m) {
        if (!node.isObject()) {
          return new Match(null, at + " is " + kind(node) + ", not an object");
        }
        next = node.get(m.name());
        if (next == null) {
          return new Match(null, "no member '" + m.name() + "' in the object at " + at);
        }
      } else {
        int index = ((Element) segment).index();
        if (!node.isArray()) {
          return new Match(null, at + " is " + kind(node) + ", not an array");
        }
        if (index >= node.size()) {
          return new Match(
              null,
              "index "
                  + index
                  + " is past the end of the "
                  + node.size()
                  + "-element array at "
                  + at);
        }
        next = node.get(index);
      }
      at.append(segment);
      node = next;
    }
    return new Match(node, null);
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "not a value";
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonPath that && segments.equals(that.segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }

  /** The path as written in the config. */
  @Override
  public String toString() {
    return text;
  }
}
