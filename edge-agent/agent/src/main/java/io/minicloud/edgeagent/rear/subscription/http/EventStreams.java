package io.minicloud.edgeagent.rear.subscription.http;

import io.minicloud.edgeagent.rear.RearError;
import io.minicloud.edgeagent.rear.http.RearHttp;
import io.minicloud.edgeagent.rear.subscription.Interest;
import io.minicloud.edgeagent.rear.subscription.Subscription;
import io.minicloud.edgeagent.rear.subscription.SubscriptionRequest;
import io.minicloud.edgeagent.rear.subscription.Subscriptions;
import io.minicloud.rear.filter.FilterException;
import io.minicloud.rear.filter.FilterParser;
import io.minicloud.rear.filter.FlavorFilter;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens SSE streams: a stored subscription's ({@code /api/v2/subscriptions/{id}/events}, only for
 * the caller who made it) and ad-hoc ones ({@code /api/v2/flavors/events?type=k8slice&filter...},
 * nothing stored). Both resume after {@code Last-Event-ID} from the durable log; without it they
 * start at the newest event.
 */
final class EventStreams {

  static final String AD_HOC = "/api/v2/flavors/events";

  private final Subscriptions subscriptions;

  EventStreams(Subscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  /**
   * {@code RearProvider} mounts extra routes after authentication and before its own {@code
   * /api/v2/flavors/:type}, which would otherwise answer "no flavor type 'events'".
   */
  void mountAdHoc(Router router) {
    router.get(AD_HOC).handler(this::adHoc);
  }

  void stored(RoutingContext ctx) {
    String principal = RearHttp.principal(ctx);
    String id = ctx.pathParam("id");
    open(
        ctx,
        () -> {
          Subscription s = subscriptions.owned(id, principal);
          return Interest.of(s.flavorFilter());
        });
  }

  private void adHoc(RoutingContext ctx) {
    String type = null;
    List<String> filter = new ArrayList<>();
    String query = ctx.request().query();
    if (query != null && query.length() > FilterParser.MAX_QUERY_LENGTH) {
      RearHttp.error(ctx, 400, "query too long", "query");
      return;
    }
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith("type=")) {
        type = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
      } else if (!pair.isEmpty()) {
        filter.add(pair);
      }
    }
    try {
      String wireType = SubscriptionRequest.wireType(type);
      FlavorFilter parsed = FilterParser.parse(wireType, String.join("&", filter));
      open(ctx, () -> Interest.of(parsed));
    } catch (RearError e) {
      RearHttp.error(ctx, 400, e.getMessage(), "type");
    } catch (FilterException e) {
      RearHttp.error(ctx, 400, e.getMessage(), e.key().isEmpty() ? "query" : e.key());
    } catch (IllegalArgumentException e) {
      RearHttp.error(ctx, 400, "malformed query: " + e.getMessage(), "query"); // bad %-escape
    }
  }

  /** What a stream follows, decided on a worker (it may read the store). */
  @FunctionalInterface
  private interface InterestLookup {
    Interest find() throws RearError;
  }

  private record Start(Interest interest, long after) {}

  private void open(RoutingContext ctx, InterestLookup lookup) {
    Long lastEventId;
    try {
      lastEventId = lastEventId(ctx);
    } catch (RearError e) {
      RearHttp.error(ctx, e);
      return;
    }
    if (!subscriptions.openStream()) {
      ctx.response().putHeader("Retry-After", "30");
      RearHttp.error(ctx, 503, "too many event streams open, retry later", null);
      return;
    }
    ctx.vertx()
        .executeBlocking(
            () ->
                new Start(
                    lookup.find(), lastEventId != null ? lastEventId : subscriptions.lastSeq()),
            false)
        .onComplete(
            ar -> {
              if (ar.failed()) {
                subscriptions.closeStream();
                if (ar.cause() instanceof RearError e) {
                  RearHttp.error(ctx, e);
                } else {
                  ctx.fail(ar.cause());
                }
                return;
              }
              if (ctx.response().closed()) {
                subscriptions.closeStream();
                return;
              }
              Start start = ar.result();
              new SseStream(
                      ctx.vertx(), ctx.response(), subscriptions, start.interest(), start.after())
                  .start();
            });
  }

  private static Long lastEventId(RoutingContext ctx) throws RearError {
    String header = ctx.request().getHeader("Last-Event-ID");
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      long id = Long.parseLong(header.strip());
      if (id < 0) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw RearError.badRequest("Last-Event-ID", "Last-Event-ID must be an event id (a number)");
    }
  }
}
