package io.minicloud.edgeagent.rear.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.RearJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields that differ between two versions of a flavor, compared as wire JSON so a subscriber
 * reads paths it can look up in the flavor it holds. Objects are walked key by key; arrays and
 * scalars are compared whole (a changed tag list is one modification, not a positional diff).
 */
final class FlavorDiff {

  /**
   * Not data changes: availability is what offer/withdraw say, and the timestamp is bookkeeping.
   */
  private static final Set<String> IGNORED_TOP_LEVEL = Set.of("availability", "timestamp");

  /**
   * The node's misspelled key, written beside the spec's {@code characteristics}: one change, not
   * two.
   */
  private static final String NODE_SPELLING = "charateristics";

  private FlavorDiff() {}

  static List<Modification> between(Flavor before, Flavor after) {
    List<Modification> out = new ArrayList<>();
    walk("", tree(before), tree(after), out, true);
    return out;
  }

  private static JsonNode tree(Flavor f) {
    return RearJson.mapper().valueToTree(f);
  }

  private static void walk(
      String path, JsonNode before, JsonNode after, List<Modification> out, boolean top) {
    if (before != null && after != null && before.isObject() && after.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      before.fieldNames().forEachRemaining(keys::add);
      after.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        if ((top && IGNORED_TOP_LEVEL.contains(key)) || duplicateSpelling(key, before, after)) {
          continue;
        }
        String child = path.isEmpty() ? key : path + "." + key;
        walk(child, before.get(key), after.get(key), out, false);
      }
      return;
    }
    if (!sameValue(before, after)) {
      out.add(new Modification(path, copy(before), copy(after)));
    }
  }

  private static boolean duplicateSpelling(String key, JsonNode before, JsonNode after) {
    return key.equals(NODE_SPELLING)
        && (before.has("characteristics") || after.has("characteristics"));
  }

  private static boolean sameValue(JsonNode a, JsonNode b) {
    boolean aMissing = a == null || a.isNull() || a.isMissingNode();
    boolean bMissing = b == null || b.isNull() || b.isMissingNode();
    if (aMissing || bMissing) {
      return aMissing == bMissing;
    }
    if (a.isNumber() && b.isNumber()) {
      // 1000 parsed back from the log is a LongNode, the catalog's an IntNode: same value
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static JsonNode copy(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return null;
    }
    return n.deepCopy();
  }
}
