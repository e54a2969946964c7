package io.minicloud.rear.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.rear.client.RearException.Kind;
import io.minicloud.rear.model.RearJson;
import java.io.IOException;
import java.util.Locale;

/**
 * Turns an error status into a {@link RearException}. Our provider answers REAR's codes with a JSON
 * {@code {"error": ...}}; a Go FLUIDOS node answers text/plain, 500 for an unknown flavor or
 * transaction id, 408 for an expired transaction and 503 until its Liqo is ready.
 */
final class RearErrors {

  /** Which call failed, for the message: "flavor X", "transaction Y", "the flavor list". */
  enum Call {
    LIST,
    RESERVE,
    PURCHASE
  }

  private RearErrors() {}

  static RearException of(Call call, String subject, RearHttp.Response r, RearHttp http) {
    int status = r.status();
    String where = http.where();
    String reason = http.scrub(reason(r));
    String code = reason.isEmpty() ? "(" + status + ")" : "(" + status + ": " + reason + ")";
    return switch (status) {
      case 400 ->
          new RearException(
              status,
              Kind.BAD_REQUEST,
              where + " refused the request for " + subject + " " + code + "; fix it and retry");
      case 401, 403 ->
          new RearException(
              status,
              Kind.UNAUTHORIZED,
              where
                  + " did not accept our credentials "
                  + code
                  + "; check the bearer token or the client certificate");
      case 404 -> notFound(call, subject, where, code, status);
      case 408 ->
          new RearException(
              status,
              Kind.EXPIRED,
              subject
                  + " expired at "
                  + where
                  + " "
                  + code
                  + "; reserve the flavor again and purchase before the expiry");
      case 409 ->
          new RearException(
              status,
              Kind.CONFLICT,
              call == Call.PURCHASE
                  ? subject + " was already purchased at " + where + " " + code
                  : subject
                      + " has no capacity left at "
                      + where
                      + " "
                      + code
                      + "; list the flavors again and pick another");
      case 503 ->
          new RearException(
              status,
              Kind.NOT_READY,
              where
                  + " is not ready "
                  + code
                  + ": the provider's Liqo is not ready yet; retry later");
      default -> other(call, subject, where, code, status, reason);
    };
  }

  private static RearException other(
      Call call, String subject, String where, String code, int status, String reason) {
    // a Go node's reserve and purchase answer 500 when the id is unknown (its 404 is unreachable)
    boolean unknownId =
        status == 500
            && (call != Call.LIST || reason.toLowerCase(Locale.ROOT).contains("not found"));
    if (unknownId) {
      return notFound(call, subject, where, code, status);
    }
    return new RearException(
        status, Kind.SERVER_ERROR, where + " failed on " + subject + " " + code + "; retry later");
  }

  private static RearException notFound(
      Call call, String subject, String where, String code, int status) {
    String hint =
        switch (call) {
          case LIST -> "; is it a REAR provider, and does it serve that flavor type?";
          case RESERVE -> "; list the flavors again";
          case PURCHASE ->
              "; it was purchased already, or the provider restarted: reserve the flavor again";
        };
    return new RearException(
        status, Kind.NOT_FOUND, subject + " not found at " + where + " " + code + hint);
  }

  /** The JSON {@code error} field, else the first line of a text body, cut to 200 characters. */
  static String reason(RearHttp.Response r) {
    String text = r.text().strip();
    if (text.startsWith("{")) {
      try {
        JsonNode error = RearJson.mapper().readTree(text).path("error");
        if (error.isTextual()) {
          text = error.asText();
        }
      } catch (IOException e) {
        // not JSON after all: the raw first line below is the best reason there is
      }
    }
    String line = text.lines().findFirst().orElse("");
    StringBuilder out = new StringBuilder();
    for (char c : (line.length() > 200 ? line.substring(0, 200) + "..." : line).toCharArray()) {
      out.append(Character.isISOControl(c) ? '?' : c);
    }
    return out.toString();
  }
}
