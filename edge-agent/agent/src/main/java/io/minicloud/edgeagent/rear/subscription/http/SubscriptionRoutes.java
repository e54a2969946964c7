package io.minicloud.edgeagent.rear.subscription.http;

import io.minicloud.edgeagent.rear.RearError;
import io.minicloud.edgeagent.rear.RearProvider;
import io.minicloud.edgeagent.rear.http.RearHttp;
import io.minicloud.edgeagent.rear.subscription.Subscription;
import io.minicloud.edgeagent.rear.subscription.SubscriptionRequest;
import io.minicloud.edgeagent.rear.subscription.Subscriptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Subscription routes, mounted on every REAR listener with {@code RearProvider.addRoutes}, behind
 * the listener's authentication: create, read and delete stored subscriptions, and their SSE
 * streams (see {@link EventStreams}). Store calls are blocking, so they run on worker threads.
 */
public final class SubscriptionRoutes {

  static final String BASE = "/api/v2/subscriptions";

  private final Subscriptions subscriptions;
  private final EventStreams streams;

  public SubscriptionRoutes(Subscriptions subscriptions) {
    this.subscriptions = subscriptions;
    this.streams = new EventStreams(subscriptions);
  }

  /**
   * Puts subscriptions into a provider: events from its offer board, routes on its listeners. Call
   * before {@code provider.start()}, so the first offers are diffed too.
   */
  public static void install(RearProvider provider, Subscriptions subscriptions) {
    subscriptions.attach(provider.board());
    SubscriptionRoutes routes = new SubscriptionRoutes(subscriptions);
    provider.addRoutes(routes::mount);
  }

  public void mount(Router router) {
    // Vert.x answers an oversized body with 413, which the REAR listener turns into a JSON 400
    BodyHandler body = BodyHandler.create(false).setBodyLimit(RearHttp.MAX_BODY_BYTES);
    router.post(BASE).handler(body).blockingHandler(this::create, false);
    router.get(BASE + "/:id").blockingHandler(this::read, false);
    router.delete(BASE + "/:id").blockingHandler(this::delete, false);
    router.get(BASE + "/:id/events").handler(streams::stored);
    streams.mountAdHoc(router);
    router
        .route(BASE + "*")
        .handler(
            ctx ->
                RearHttp.error(
                    ctx,
                    405,
                    ctx.request().method() + " is not allowed on " + ctx.request().path(),
                    null));
  }

  private void create(RoutingContext ctx) {
    try {
      Buffer raw = ctx.body().buffer();
      SubscriptionRequest request = SubscriptionRequest.parse(raw == null ? null : raw.getBytes());
      Subscription s = subscriptions.create(RearHttp.principal(ctx), request).subscription();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("subscriptionID", s.id());
      out.put("events", eventsPath(s));
      if (s.secret() != null) {
        out.put("secret", s.secret());
      }
      ctx.response().putHeader("Location", BASE + "/" + s.id());
      RearHttp.json(ctx, 201, out);
    } catch (RearError e) {
      RearHttp.error(ctx, e);
    }
  }

  private void read(RoutingContext ctx) {
    try {
      Subscription s = subscriptions.owned(ctx.pathParam("id"), RearHttp.principal(ctx));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("subscriptionID", s.id());
      out.put("kind", s.kind().wire());
      out.put("flavorType", s.flavorType());
      out.put("filter", s.filter());
      if (s.webhookUrl() != null) {
        out.put("webhook", s.webhookUrl());
      }
      out.put("created", s.created());
      out.put("events", eventsPath(s));
      RearHttp.json(ctx, 200, out);
    } catch (RearError e) {
      RearHttp.error(ctx, e);
    }
  }

  private void delete(RoutingContext ctx) {
    try {
      subscriptions.delete(ctx.pathParam("id"), RearHttp.principal(ctx));
      ctx.response().setStatusCode(204).end();
    } catch (RearError e) {
      RearHttp.error(ctx, e);
    }
  }

  private static String eventsPath(Subscription s) {
    return BASE + "/" + s.id() + "/events";
  }
}
