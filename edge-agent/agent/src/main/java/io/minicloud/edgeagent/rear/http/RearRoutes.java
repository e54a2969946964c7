package io.minicloud.edgeagent.rear.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.minicloud.edgeagent.rear.OfferBoard;
import io.minicloud.edgeagent.rear.RearError;
import io.minicloud.edgeagent.rear.catalog.FlavorIds;
import io.minicloud.edgeagent.rear.catalog.Offer;
import io.minicloud.edgeagent.rear.contract.ContractSigner;
import io.minicloud.edgeagent.rear.ledger.JsonErrors;
import io.minicloud.edgeagent.rear.ledger.RearLedger;
import io.minicloud.edgeagent.rear.provision.ContractAccess;
import io.minicloud.rear.filter.FilterException;
import io.minicloud.rear.filter.FilterParser;
import io.minicloud.rear.filter.FlavorFilter;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.FlavorType;
import io.minicloud.rear.model.PurchaseRequest;
import io.minicloud.rear.model.RearJson;
import io.minicloud.rear.model.ReserveRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The REAR API on one listener: the node's paths ({@code /flavors/k8slice}) and the spec's ({@code
 * /flavors/k8slices}, {@code /flavors/sensors}), filters in the node's grammar, reserve and
 * purchase. On a FLUIDOS-compatible listener, {@code /flavors} lists only K8Slice and Service
 * flavors: a Go node fails its whole discovery on any other type.
 */
public final class RearRoutes {

  private static final Map<String, String> TYPE_OF_PATH =
      Map.of(
          "k8slice", FlavorType.K8SLICE,
          "k8slices", FlavorType.K8SLICE,
          "vm", FlavorType.VM,
          "vms", FlavorType.VM,
          "service", FlavorType.SERVICE,
          "services", FlavorType.SERVICE,
          "sensor", FlavorType.SENSOR,
          "sensors", FlavorType.SENSOR);
  private static final Set<String> GO_NODE_TYPES = Set.of(FlavorType.K8SLICE, FlavorType.SERVICE);

  private final OfferBoard board;
  private final RearLedger ledger;
  private final ContractSigner signer;
  private final boolean fluidosCompatible;
  private final ContractAccess contracts;
  private final ListingCache cache = new ListingCache();

  public RearRoutes(
      OfferBoard board,
      RearLedger ledger,
      ContractSigner signer,
      boolean fluidosCompatible,
      ContractAccess contracts) {
    this.board = board;
    this.ledger = ledger;
    this.signer = signer;
    this.fluidosCompatible = fluidosCompatible;
    this.contracts = contracts;
  }

  public void mount(Router router) {
    router.get("/api/v2/flavors").handler(this::listAll);
    router.get("/api/v2/flavors/:type").handler(this::listTyped);
    router
        .post("/api/v2/reservations")
        .handler(BodyLimit.json())
        .blockingHandler(this::reserve, false);
    router
        .post("/api/v2/transactions/:id/purchase")
        .handler(BodyLimit.json())
        .blockingHandler(this::purchase, false);
    router.get("/api/v2/keys").handler(ctx -> RearHttp.json(ctx, 200, signer.jwks()));
    // minicloud extensions (not in the REAR spec): the buyer re-reads its contract for the
    // credentials provisioned after the purchase, and may end it early
    router.get("/api/v2/contracts/:id").blockingHandler(this::readContract, false);
    router.delete("/api/v2/contracts/:id").blockingHandler(this::withdrawContract, false);
  }

  private void readContract(RoutingContext ctx) {
    try {
      RearHttp.json(ctx, 200, contracts.read(contractId(ctx), RearHttp.principal(ctx)));
    } catch (RearError e) {
      RearHttp.error(ctx, e);
    }
  }

  private void withdrawContract(RoutingContext ctx) {
    try {
      contracts.withdraw(contractId(ctx), RearHttp.principal(ctx));
      ctx.response().setStatusCode(204).end();
    } catch (RearError e) {
      RearHttp.error(ctx, e);
    }
  }

  private static String contractId(RoutingContext ctx) throws RearError {
    String id = ctx.pathParam("id");
    if (!FlavorIds.isDnsSubdomain(id)) {
      throw RearError.badRequest("contractID", "contract id is not a DNS-1123 name");
    }
    return id;
  }

  private void listAll(RoutingContext ctx) {
    String query = ctx.request().query();
    if (query != null && !query.isEmpty()) {
      RearHttp.error(
          ctx,
          400,
          "filters apply to a typed path: /api/v2/flavors/<k8slice|vm|service|sensors>",
          "query");
      return;
    }
    List<Offer> offers = board.offers();
    byte[] body =
        cache.get(
            offers,
            "",
            () -> {
              List<Flavor> out = new ArrayList<>();
              for (Offer o : offers) {
                if (o.flavor().availability()
                    && (!fluidosCompatible || GO_NODE_TYPES.contains(o.type()))) {
                  out.add(o.flavor());
                }
              }
              return out.isEmpty() ? new byte[0] : RearHttp.bytes(out);
            });
    if (body.length == 0) {
      ctx.response().setStatusCode(204).end(); // the node's answer for "none"
      return;
    }
    RearHttp.jsonBytes(ctx, 200, body);
  }

  private void listTyped(RoutingContext ctx) {
    String type = TYPE_OF_PATH.get(ctx.pathParam("type"));
    if (type == null) {
      RearHttp.error(
          ctx,
          404,
          "no flavor type '" + ctx.pathParam("type") + "'; types: k8slice, vm, service, sensors",
          null);
      return;
    }
    FlavorFilter filter;
    try {
      filter = FilterParser.parse(type, ctx.request().query());
    } catch (FilterException e) {
      RearHttp.error(ctx, 400, e.getMessage(), e.key());
      return;
    }
    List<Offer> offers = board.offers();
    FlavorFilter selected = filter;
    byte[] body =
        cache.get(
            offers,
            type + "?" + selected.toQuery(),
            () -> {
              List<Flavor> out = new ArrayList<>();
              for (Offer o : offers) {
                if (o.flavor().availability() && selected.matches(o.flavor())) {
                  out.add(o.flavor());
                }
              }
              return RearHttp.bytes(out);
            });
    RearHttp.jsonBytes(ctx, 200, body);
  }

  private void reserve(RoutingContext ctx) {
    try {
      ReserveRequest request = read(ctx, ReserveRequest.class);
      RearHttp.json(ctx, 200, ledger.reserve(request, RearHttp.principal(ctx)));
    } catch (RearError e) {
      RearHttp.error(ctx, e);
    }
  }

  private void purchase(RoutingContext ctx) {
    try {
      Buffer body = ctx.body().buffer();
      PurchaseRequest request =
          body == null || body.length() == 0 ? null : read(ctx, PurchaseRequest.class);
      RearHttp.json(
          ctx,
          200,
          contracts.deliver(
              ledger.purchase(ctx.pathParam("id"), request, RearHttp.principal(ctx))));
    } catch (RearError e) {
      RearHttp.error(ctx, e);
    }
  }

  private static <T> T read(RoutingContext ctx, Class<T> type) throws RearError {
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw RearError.badRequest("", "the request needs a JSON body");
    }
    try {
      T value = RearJson.mapper().readValue(body.getBytes(), type);
      if (value == null) {
        throw RearError.badRequest("", "the body is JSON null, not an object");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw RearError.badRequest("body", "malformed request body: " + JsonErrors.describe(e));
    } catch (java.io.IOException e) {
      throw RearError.badRequest("body", "unreadable request body");
    }
  }

  /** Methods REAR does not define on its paths: the node answers 405, so do we. */
  public static void mountFallbacks(Router router) {
    router
        .route("/api/v2/*")
        .handler(
            ctx -> {
              boolean known =
                  ctx.request()
                      .path()
                      .matches(
                          "/api/v2/(flavors(/[^/]+)?|reservations|transactions/[^/]+/purchase|keys|contracts/[^/]+)");
              if (known && ctx.request().method() != HttpMethod.OPTIONS) {
                RearHttp.error(
                    ctx,
                    405,
                    ctx.request().method() + " is not allowed on " + ctx.request().path(),
                    null);
              } else {
                RearHttp.error(ctx, 404, "no REAR resource at " + ctx.request().path(), null);
              }
            });
  }
}
