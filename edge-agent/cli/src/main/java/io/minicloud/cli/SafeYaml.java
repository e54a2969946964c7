package io.minicloud.cli;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML text to JSON values ({@link Map}, {@link List}, {@link String}, {@link Long}/{@link
 * BigInteger}/{@link Double}, {@link Boolean}, null), one per document, with limits a hostile file
 * cannot get past: SnakeYAML's safe constructor (no Java types), few aliases (a "billion laughs"
 * file needs many), a nesting limit, duplicate keys refused, and a cap on the expanded size. Plain
 * scalars that look like dates stay strings: the VIM reads JSON, which has no dates.
 */
final class SafeYaml {

  /** A document that cannot become JSON, or YAML that does not parse; the message says where. */
  static final class Rejected extends RuntimeException {
    final int document;

    Rejected(int document, String message) {
      super(message);
      this.document = document;
    }
  }

  static final int MAX_ALIASES = 10;
  static final int MAX_DEPTH = 40;

  private static final Pattern GLOBAL_TAG = Pattern.compile("tag:yaml\\.org,2002:(\\S+)");

  private final int maxChars;

  /**
   * @param maxChars the most characters the text may have, and the most a document may expand to
   *     (aliases repeat what they name)
   */
  SafeYaml(int maxChars) {
    this.maxChars = maxChars;
  }

  /** Every non-empty document, in order, with its 1-based index among all documents. */
  List<Map.Entry<Integer, Object>> load(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(maxChars);
    Yaml yaml =
        new Yaml(
            new SafeConstructor(options),
            new Representer(new DumperOptions()),
            new DumperOptions(),
            options,
            new DatesAsStrings());
    List<Map.Entry<Integer, Object>> documents = new ArrayList<>();
    int index = 0;
    try {
      for (Object document : yaml.loadAll(text)) {
        index++;
        if (document != null) {
          int[] budget = {maxChars};
          documents.add(Map.entry(index, json(document, "", budget, index)));
        }
      }
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      String at = line > 0 ? " (line " + line + ")" : "";
      throw new Rejected(index + 1, describe(e.getProblem()) + at);
    } catch (YAMLException e) {
      throw new Rejected(index + 1, describe(e.getMessage()));
    }
    return documents;
  }

  /** SnakeYAML's words for the limits, said for people. */
  private String describe(String problem) {
    String p = problem == null ? "not YAML" : problem.strip();
    if (p.contains("aliases for non-scalar nodes")) {
      return "more than " + MAX_ALIASES + " YAML aliases (refused: an alias bomb expands them)";
    }
    if (p.contains("Nesting Depth exceeded")) {
      return "nested deeper than " + MAX_DEPTH + " levels";
    }
    if (p.contains("exceeds the limit")) {
      return "longer than " + maxChars + " characters";
    }
    if (p.startsWith("Global tag is not allowed")
        || p.contains("could not determine a constructor for the tag")) {
      Matcher tag = GLOBAL_TAG.matcher(p);
      return "a YAML tag this reader does not accept: " + (tag.find() ? "!!" + tag.group(1) : p);
    }
    return "not valid YAML: " + p.lines().findFirst().orElse(p);
  }

  /** YAML values to JSON values; {@code path} names the field in messages. */
  private Object json(Object value, String path, int[] budget, int document) {
    if (--budget[0] < 0) {
      throw new Rejected(document, "expands to more than " + maxChars + " values (aliases?)");
    }
    String where = path.isEmpty() ? "the document" : path;
    if (value == null || value instanceof String || value instanceof Boolean) {
      if (value instanceof String s) {
        budget[0] -= s.length();
      }
      return value;
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof Long || value instanceof BigInteger) {
      return value;
    }
    if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw new Rejected(document, where + ": " + d + " is not a JSON number");
      }
      return d;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String key)) {
          throw new Rejected(
              document, where + ": the key " + e.getKey() + " is not a string (quote it)");
        }
        out.put(key, json(e.getValue(), path.isEmpty() ? key : path + "." + key, budget, document));
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(json(list.get(i), path + "[" + i + "]", budget, document));
      }
      return out;
    }
    String type = value instanceof byte[] ? "!!binary" : value.getClass().getSimpleName();
    throw new Rejected(document, where + ": a " + type + " value has no JSON form");
  }

  /** YAML 1.1 reads {@code 2024-05-01} as a timestamp; for the VIM it is a string. */
  private static final class DatesAsStrings extends Resolver {
    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
      Tag tag = super.resolve(kind, value, implicit);
      return implicit && Tag.TIMESTAMP.equals(tag) ? Tag.STR : tag;
    }
  }
}
