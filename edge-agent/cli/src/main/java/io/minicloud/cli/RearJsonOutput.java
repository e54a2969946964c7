package io.minicloud.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.rear.model.RearJson;

/**
 * {@code --json} output of the REAR commands: the wire shape, pretty, secrets masked by default.
 */
final class RearJsonOutput {

  private RearJsonOutput() {}

  static String pretty(Object value) {
    return pretty(value, false);
  }

  static String pretty(Object value, boolean showSecrets) {
    JsonNode tree = RearJson.mapper().valueToTree(value);
    try {
      return RearJson.mapper()
          .writerWithDefaultPrettyPrinter()
          .writeValueAsString(showSecrets ? tree : SecretRedaction.redact(tree));
    } catch (JsonProcessingException e) {
      throw new CliFailure(1, "cannot print JSON: " + e.getOriginalMessage());
    }
  }
}
