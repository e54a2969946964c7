package io.minicloud.edgeagent.rear.auth;

import io.minicloud.edgeagent.rear.http.RearHttp;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Who is calling, before any REAR route runs: a client certificate the listener's CA verified, or a
 * known bearer token; otherwise 401. On a listener opted into FLUIDOS-compatible plain HTTP
 * everyone is {@code anonymous} (a stock Go node sends no credentials at all).
 */
public final class RearAuthentication implements Handler<RoutingContext> {

  private final TokenStore tokens;
  private final boolean open;

  private RearAuthentication(TokenStore tokens, boolean open) {
    this.tokens = tokens;
    this.open = open;
  }

  public static RearAuthentication required(TokenStore tokens) {
    return new RearAuthentication(tokens, false);
  }

  /** No authentication: only for a listener explicitly opted into FLUIDOS-compatible mode. */
  public static RearAuthentication none() {
    return new RearAuthentication(null, true);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (open) {
      ctx.put(RearHttp.PRINCIPAL, "anonymous");
      ctx.next();
      return;
    }
    Optional<String> principal = certificate(ctx).or(() -> bearer(ctx));
    if (principal.isEmpty()) {
      RearHttp.error(
          ctx, 401, "authentication required: a bearer token or a client certificate", null);
      return;
    }
    ctx.put(RearHttp.PRINCIPAL, principal.get());
    ctx.next();
  }

  private Optional<String> bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return tokens.authenticate(header.substring(7).trim()).map(name -> "token:" + name);
  }

  private static Optional<String> certificate(RoutingContext ctx) {
    if (!ctx.request().isSSL()) {
      return Optional.empty();
    }
    try {
      List<Certificate> chain = ctx.request().connection().peerCertificates();
      if (chain != null && !chain.isEmpty() && chain.get(0) instanceof X509Certificate x509) {
        return Optional.of("cert:" + x509.getSubjectX500Principal().getName());
      }
    } catch (SSLPeerUnverifiedException e) {
      // no client certificate: the bearer token decides
    }
    return Optional.empty();
  }
}
