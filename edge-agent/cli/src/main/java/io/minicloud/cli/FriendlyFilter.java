package io.minicloud.cli;

import io.minicloud.rear.filter.FilterParser;
import io.minicloud.rear.filter.FlavorFilter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@code --filter} terms into a {@link FlavorFilter}: {@code cpu>=2} (range min), {@code
 * memory<=8Gi} (range max), {@code architecture=amd64} (match), or a raw {@code
 * filter[cpu][range][min]=2} key as the node reads it. The result goes through the REAR filter
 * grammar, so a term it would reject is refused here with the same reason, before any request.
 */
final class FriendlyFilter {

  private FriendlyFilter() {}

  /**
   * @throws IllegalArgumentException naming the bad term (a usage error)
   */
  static FlavorFilter parse(String type, List<String> terms) {
    List<String> query = new ArrayList<>();
    for (String term : terms) {
      query.add(rawParameter(term.strip()));
    }
    return FilterParser.parse(type, String.join("&", query));
  }

  private static String rawParameter(String term) {
    if (term.startsWith("filter[") || term.startsWith("[")) {
      int eq = term.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("--filter '" + term + "' has no '=value'");
      }
      return term.substring(0, eq) + "=" + encode(term.substring(eq + 1));
    }
    for (String[] op : new String[][] {{">=", "[range][min]"}, {"<=", "[range][max]"}}) {
      int at = term.indexOf(op[0]);
      if (at > 0) {
        return key(term.substring(0, at), op[1]) + encode(term.substring(at + 2).strip());
      }
    }
    int eq = term.indexOf('=');
    if (eq > 0) {
      return key(term.substring(0, eq), "[match]") + encode(term.substring(eq + 1).strip());
    }
    throw new IllegalArgumentException(
        "--filter '"
            + term
            + "' is not attr>=q, attr<=q, attr=v or filter[attr][...]=v (e.g. cpu>=2, memory<=8Gi,"
            + " architecture=arm64)");
  }

  private static String key(String attribute, String operator) {
    String name = attribute.strip();
    if (name.isEmpty() || !name.chars().allMatch(c -> c == '_' || (c >= 'a' && c <= 'z'))) {
      throw new IllegalArgumentException("--filter attribute '" + name + "' is not a-z or _");
    }
    return "filter[" + name + "]" + operator + "=";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
