package io.minicloud.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Masks secrets in a REAR document before it is printed: kubeconfigs (a contract's is a
 * ServiceAccount token with CRUD on the provider's cluster), tokens, and the passwords a service
 * configuration carries. Masked by key name, anywhere in the tree, since a peer may nest them.
 */
final class SecretRedaction {

  static final String MASK = "(redacted: --show-secrets prints it)";
  private static final Set<String> SECRET_WORDS =
      Set.of("kubeconfig", "token", "password", "secret");

  private SecretRedaction() {}

  /** A copy of {@code document} with every secret-named string or object replaced by the mask. */
  static JsonNode redact(JsonNode document) {
    JsonNode copy = document.deepCopy();
    mask(copy);
    return copy;
  }

  static boolean isSecret(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(lower::contains);
  }

  private static void mask(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (isSecret(name) && !value.isNull() && !(value.isTextual() && value.asText().isEmpty())) {
          object.put(name, MASK);
        } else {
          mask(value);
        }
      }
    } else if (node.isArray()) {
      node.forEach(SecretRedaction::mask);
    }
  }
}
