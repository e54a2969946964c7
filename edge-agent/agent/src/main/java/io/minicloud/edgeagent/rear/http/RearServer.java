package io.minicloud.edgeagent.rear.http;

import io.minicloud.edgeagent.rear.auth.RearAuthentication;
import io.minicloud.edgeagent.rear.auth.TokenStore;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Serves REAR on each configured listener with that listener's TLS and authentication, beside (not
 * through) Quarkus' local HTTP port: each listener is its own Vert.x server, so a FLUIDOS plain
 * listener and the authenticated HTTPS one can never share a route by mistake.
 */
public final class RearServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RearServer.class);

  /** TLS material: the node's certificate and key, and an optional CA for client certificates. */
  public record Tls(Path certificate, Path key, Path clientCa) {}

  private final Vertx vertx;
  private final List<HttpServer> servers = new ArrayList<>();
  private final Map<String, Integer> ports = new LinkedHashMap<>();

  public RearServer(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * Starts every listener; {@code routes} mounts the REAR routes for a listener onto its router.
   * Fails (naming the listener) if one cannot bind.
   */
  public void start(
      List<RearListener> listeners,
      Tls tls,
      TokenStore tokens,
      Function<RearListener, java.util.function.Consumer<Router>> routes)
      throws Exception {
    for (RearListener l : listeners) {
      Router router = Router.router(vertx);
      router
          .route()
          .handler(
              l.fluidosPlain() ? RearAuthentication.none() : RearAuthentication.required(tokens));
      routes.apply(l).accept(router);
      RearRoutes.mountFallbacks(router);
      router
          .route()
          .failureHandler(
              ctx -> {
                if (ctx.statusCode() == 413) {
                  RearHttp.error(
                      ctx,
                      400,
                      "request body is over the " + RearHttp.MAX_BODY_BYTES + "-byte limit",
                      "body");
                  return;
                }
                LOG.errorf(
                    ctx.failure(),
                    "REAR %s %s failed",
                    ctx.request().method(),
                    ctx.request().path());
                RearHttp.error(
                    ctx, ctx.statusCode() > 0 ? ctx.statusCode() : 500, "internal error", null);
              });
      HttpServerOptions options =
          new HttpServerOptions()
              .setHost(l.host())
              .setPort(l.port())
              .setMaxInitialLineLength(8192)
              .setMaxHeaderSize(16384)
              .setIdleTimeout(60)
              .setIdleTimeoutUnit(TimeUnit.SECONDS);
      if (l.tls()) {
        options
            .setSsl(true)
            .setKeyCertOptions(
                new PemKeyCertOptions()
                    .setCertPath(tls.certificate().toString())
                    .setKeyPath(tls.key().toString()));
        if (tls.clientCa() != null) {
          options
              .setClientAuth(ClientAuth.REQUEST)
              .setTrustOptions(new PemTrustOptions().addCertPath(tls.clientCa().toString()));
        }
      }
      HttpServer server = vertx.createHttpServer(options).requestHandler(router);
      try {
        server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        close();
        throw new IllegalStateException(
            "REAR listener "
                + l.name()
                + " cannot listen on "
                + l.host()
                + ":"
                + l.port()
                + ": "
                + rootMessage(e),
            e);
      }
      servers.add(server);
      ports.put(l.name(), server.actualPort());
      if (l.fluidosPlain()) {
        LOG.warnf(
            "REAR listener %s serves plain HTTP on %s:%d WITHOUT authentication (FLUIDOS-compatible mode, opted in)",
            l.name(), l.host(), server.actualPort());
      } else {
        LOG.infof(
            "REAR listener %s serves HTTPS on %s:%d (bearer token or client certificate)",
            l.name(), l.host(), server.actualPort());
      }
    }
  }

  /** The port each listener is bound to (the actual one when configured as 0). */
  public Map<String, Integer> ports() {
    return Map.copyOf(ports);
  }

  @Override
  public void close() {
    for (HttpServer s : servers) {
      try {
        s.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warnf(
            "REAR listener on port %d did not close cleanly: %s", s.actualPort(), rootMessage(e));
      }
    }
    servers.clear();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
