package io.minicloud.rear.filter;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits a raw query string the way Go's url.ParseQuery does, brackets raw or percent-encoded. */
final class QueryStrings {

  record Param(String key, String value) {}

  private QueryStrings() {}

  static List<Param> parse(String rawQuery, int maxParams) {
    List<Param> out = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("[&;]", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      if (out.size() == maxParams) {
        throw new FilterException("", "more than " + maxParams + " query parameters");
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.add(new Param(decode(key), decode(value)));
    }
    return out;
  }

  static String encodeValue(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new FilterException(part, "bad percent-encoding");
    }
  }
}
