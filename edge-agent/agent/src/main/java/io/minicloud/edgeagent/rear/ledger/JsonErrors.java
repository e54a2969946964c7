package io.minicloud.edgeagent.rear.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/** One-line descriptions of JSON errors for 400 bodies: the field path and the reason, no dumps. */
public final class JsonErrors {

  private JsonErrors() {}

  public static String describe(JsonProcessingException e) {
    String reason = e.getOriginalMessage();
    if (reason == null) {
      reason = "malformed JSON";
    }
    int newline = reason.indexOf('\n');
    if (newline >= 0) {
      reason = reason.substring(0, newline);
    }
    if (reason.length() > 200) {
      reason = reason.substring(0, 200) + "...";
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String path =
          m.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      return path + ": " + reason;
    }
    return reason;
  }
}
