package io.minicloud.edgeagent.rear.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.minicloud.edgeagent.rear.RearError;
import io.minicloud.rear.model.RearJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Conventions every REAR route shares: JSON bodies through {@link RearJson}, errors as {@code
 * {"error": ..., "status": ..., "field": ...}}, and the authenticated principal in the routing
 * context under {@link #PRINCIPAL} (put there by the listener's authentication handler before any
 * route runs).
 */
public final class RearHttp {

  /** Routing-context key of the caller's principal: token name, certificate subject, anonymous. */
  public static final String PRINCIPAL = "rear.principal";

  /** Largest request body accepted: a REAR message is a few KiB. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private RearHttp() {}

  public static String principal(RoutingContext ctx) {
    String p = ctx.get(PRINCIPAL);
    return p == null ? "anonymous" : p;
  }

  public static void json(RoutingContext ctx, int status, Object body) {
    jsonBytes(ctx, status, bytes(body));
  }

  /** {@code body} as REAR JSON. */
  public static byte[] bytes(Object body) {
    try {
      return RearJson.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a REAR response does not serialise", e);
    }
  }

  /** Sends JSON already serialised. */
  public static void jsonBytes(RoutingContext ctx, int status, byte[] bytes) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(Buffer.buffer(bytes));
  }

  public static void error(RoutingContext ctx, RearError e) {
    error(ctx, e.status(), e.getMessage(), e.field());
  }

  public static void error(RoutingContext ctx, int status, String message, String field) {
    if (ctx.response().ended()) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("status", status);
    if (field != null && !field.isEmpty()) {
      body.put("field", field);
    }
    if (status == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"rear\"");
    }
    json(ctx, status, body);
  }
}
