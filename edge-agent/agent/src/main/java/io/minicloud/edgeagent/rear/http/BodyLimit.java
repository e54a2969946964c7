package io.minicloud.edgeagent.rear.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads a request body of at most {@link RearHttp#MAX_BODY_BYTES}. A larger one is refused with 400
 * and a JSON error (not Vert.x's bare 413), as every REAR input error is a JSON 400.
 */
final class BodyLimit {

  private BodyLimit() {}

  static Handler<RoutingContext> json() {
    BodyHandler reader = BodyHandler.create(false).setBodyLimit(RearHttp.MAX_BODY_BYTES);
    return ctx -> {
      String length = ctx.request().getHeader("Content-Length");
      if (length != null) {
        long declared;
        try {
          declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
          RearHttp.error(ctx, 400, "Content-Length is not a number", "Content-Length");
          return;
        }
        if (declared > RearHttp.MAX_BODY_BYTES) {
          RearHttp.error(
              ctx,
              400,
              "request body of "
                  + declared
                  + " bytes is over the "
                  + RearHttp.MAX_BODY_BYTES
                  + "-byte limit",
              "body");
          return;
        }
      }
      ctx.addEndHandler(done -> {});
      reader.handle(ctx);
    };
  }
}
