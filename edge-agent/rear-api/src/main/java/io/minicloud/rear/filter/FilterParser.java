package io.minicloud.rear.filter;

import io.minicloud.rear.filter.FilterTerm.Match;
import io.minicloud.rear.filter.FilterTerm.Range;
import io.minicloud.rear.quantity.Quantity;
import io.minicloud.rear.quantity.QuantityFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REAR filter grammar, as the Go node serves and sends it: {@code filter[<attr>][match]=v},
 * {@code filter[<attr>][range][min|max]=q}, with the spec's {@code [exact]} read as match, brackets
 * raw or percent-encoded, and the Go client's {@code [storage][range][min]} (no {@code filter}
 * prefix) tolerated. Anything else is a {@link FilterException} naming the key: an unknown key
 * would otherwise be ignored silently and sell the buyer the wrong flavor. Scanned by hand, no
 * regular expressions, so hostile input costs linear time.
 */
public final class FilterParser {

  /** A REAR query needs a handful of keys; more is an attack or a bug. */
  public static final int MAX_PARAMS = 32;

  public static final int MAX_QUERY_LENGTH = 4096;

  private FilterParser() {}

  /** Parses the raw query of a {@code /api/v2/flavors/<type>} call. */
  public static FlavorFilter parse(String type, String rawQuery) {
    if (rawQuery != null && rawQuery.length() > MAX_QUERY_LENGTH) {
      throw new FilterException("", "query longer than " + MAX_QUERY_LENGTH + " characters");
    }
    Map<String, String> matches = new LinkedHashMap<>();
    Map<String, String[]> ranges = new LinkedHashMap<>();
    for (QueryStrings.Param p : QueryStrings.parse(rawQuery, MAX_PARAMS)) {
      List<String> parts = segments(p.key());
      String attribute = parts.get(0);
      boolean text = FilterAttributes.isText(type, attribute);
      if (!text && !FilterAttributes.isNumeric(type, attribute)) {
        throw new FilterException(
            p.key(),
            "no attribute '" + attribute + "' for " + type + " flavors; known: " + known(type));
      }
      String op = parts.size() > 1 ? parts.get(1) : "";
      if ((op.equals("match") || op.equals("exact")) && parts.size() == 2) {
        if (matches.put(attribute, p.value()) != null) {
          throw new FilterException(p.key(), "given twice");
        }
        if (!text) {
          quantity(p.key(), p.value());
        }
      } else if (op.equals("range") && parts.size() == 3 && !text) {
        int bound = bound(p.key(), parts.get(2));
        String[] pair = ranges.computeIfAbsent(attribute, a -> new String[2]);
        if (pair[bound] != null) {
          throw new FilterException(p.key(), "given twice");
        }
        quantity(p.key(), p.value());
        pair[bound] = p.value();
      } else if (op.equals("range") && text) {
        throw new FilterException(p.key(), attribute + " is text: only [match] applies");
      } else {
        throw new FilterException(
            p.key(),
            "expected filter["
                + attribute
                + "][match] or filter["
                + attribute
                + "][range][min|max]");
      }
    }
    List<FilterTerm> terms = new ArrayList<>();
    matches.forEach((a, v) -> terms.add(new Match(a, v)));
    ranges.forEach((a, pair) -> terms.add(range(a, pair)));
    return new FlavorFilter(type, terms);
  }

  private static Range range(String attribute, String[] pair) {
    Quantity min = pair[0] == null ? null : Quantity.parse(pair[0]);
    Quantity max = pair[1] == null ? null : Quantity.parse(pair[1]);
    if (min != null && max != null && min.compareTo(max) > 0) {
      throw new FilterException(
          "filter[" + attribute + "][range]", "min " + min + " is above max " + max);
    }
    boolean suffixed = suffixed(pair[0]) || suffixed(pair[1]);
    return new Range(attribute, min, max, suffixed);
  }

  private static boolean suffixed(String text) {
    return text != null && !text.isEmpty() && !Character.isDigit(text.charAt(text.length() - 1));
  }

  private static int bound(String key, String word) {
    return switch (word) {
      case "min" -> 0;
      case "max" -> 1;
      case "regex" -> throw new FilterException(key, "regular expressions are not supported");
      default -> throw new FilterException(key, "a range bound is [min] or [max]");
    };
  }

  private static void quantity(String key, String value) {
    try {
      Quantity.parse(value);
    } catch (QuantityFormatException e) {
      throw new FilterException(key, e.getMessage());
    }
  }

  /** {@code filter[a][b][c]} or {@code [a][b][c]} into its bracketed words. */
  private static List<String> segments(String key) {
    int pos = key.startsWith("filter[") ? 6 : 0;
    if (pos == 0 && !key.startsWith("[")) {
      throw new FilterException(key, "not a filter key: expected filter[<attribute>][...]");
    }
    List<String> out = new ArrayList<>(3);
    while (pos < key.length()) {
      if (key.charAt(pos) != '[' || out.size() == 3) {
        throw new FilterException(key, "malformed filter key");
      }
      int close = key.indexOf(']', pos);
      if (close < 0) {
        throw new FilterException(key, "unclosed '['");
      }
      String word = key.substring(pos + 1, close);
      if (word.isEmpty() || word.length() > 32 || !isWord(word)) {
        throw new FilterException(key, "bracketed words are 1-32 of [a-z_]");
      }
      out.add(word);
      pos = close + 1;
    }
    if (out.isEmpty()) {
      throw new FilterException(key, "malformed filter key");
    }
    return out;
  }

  private static boolean isWord(String word) {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!(c >= 'a' && c <= 'z') && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static String known(String type) {
    List<String> all =
        new ArrayList<>(FilterAttributes.TEXT.getOrDefault(type, java.util.Set.of()));
    all.addAll(FilterAttributes.NUMERIC.getOrDefault(type, java.util.Set.of()));
    java.util.Collections.sort(all);
    return all.isEmpty() ? "none" : String.join(", ", all);
  }
}
