package io.minicloud.vim.wiring;

import io.minicloud.vim.provision.InvalidProvisionRequest;
import io.minicloud.vim.provision.Provision;
import io.minicloud.vim.provision.ProvisionException;
import io.minicloud.vim.provision.ProvisionRequest;
import io.minicloud.vim.provision.ProvisionRequestParser;
import io.minicloud.vim.provision.ProvisionService;
import io.minicloud.vim.provision.ProvisionService.Issued;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * REAR provisioning for the edge-agent: {@code POST /api/v1/provisions}, {@code GET} and {@code
 * DELETE /api/v1/provisions/{contractId}}. Every call needs the VIM's provisioning bearer token.
 * Credentials are answered with {@code Cache-Control: no-store} and never logged.
 */
@Path("/api/v1/provisions")
@Produces(MediaType.APPLICATION_JSON)
public class ProvisionResource {

  private final ProvisioningWiring wiring;

  public ProvisionResource(ProvisioningWiring wiring) {
    this.wiring = wiring;
  }

  /** Provisioning that could not start (its data directory, its store) answers 503, saying why. */
  public static final class Unavailable extends RuntimeException {
    Unavailable(Exception cause) {
      super("REAR provisioning is unavailable: " + cause.getMessage(), cause);
    }
  }

  @jakarta.ws.rs.ext.Provider
  public static final class UnavailableMapper
      implements jakarta.ws.rs.ext.ExceptionMapper<Unavailable> {
    @Override
    public Response toResponse(Unavailable e) {
      return Response.status(503).entity(Map.of("error", e.getMessage())).build();
    }
  }

  private ProvisioningWiring.Provisioning provisioning() {
    try {
      return wiring.provisioning();
    } catch (Exception e) {
      throw new Unavailable(e);
    }
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public Response create(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
    ProvisioningWiring.Provisioning p = provisioning();
    if (!p.token().accepts(authorization)) {
      return unauthorized();
    }
    try {
      ProvisionRequest request = p.parser().parse(body);
      Issued issued = p.service().provision(request);
      return withCredentials(201, issued);
    } catch (InvalidProvisionRequest e) {
      return invalid(e);
    } catch (ProvisionException e) {
      return failure(e);
    }
  }

  @GET
  @Path("{contractId}")
  public Response get(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("contractId") String contractId,
      @QueryParam("credentials") boolean credentials) {
    ProvisioningWiring.Provisioning p = provisioning();
    if (!p.token().accepts(authorization)) {
      return unauthorized();
    }
    try {
      ProvisionRequestParser.checkContractId(contractId);
      Issued issued = p.service().get(contractId, credentials);
      return credentials
          ? withCredentials(200, issued)
          : Response.ok(view(issued.provision(), p.service())).build();
    } catch (InvalidProvisionRequest e) {
      return invalid(e);
    } catch (ProvisionException e) {
      return failure(e);
    }
  }

  @DELETE
  @Path("{contractId}")
  public Response delete(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
      @PathParam("contractId") String contractId) {
    ProvisioningWiring.Provisioning p = provisioning();
    if (!p.token().accepts(authorization)) {
      return unauthorized();
    }
    try {
      ProvisionRequestParser.checkContractId(contractId);
      p.service().revoke(contractId, "withdrawn");
      return Response.noContent().build();
    } catch (InvalidProvisionRequest e) {
      return invalid(e);
    } catch (ProvisionException e) {
      return failure(e);
    }
  }

  private static Map<String, Object> view(Provision p, ProvisionService service) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("contractId", p.contractId());
    out.put("buyerId", p.buyerId());
    out.put("flavorType", p.flavorType().name());
    out.put("namespace", p.namespace());
    out.put("state", p.state().name());
    if (p.reason() != null) {
      out.put("reason", p.reason());
    }
    out.put("expiresAt", p.expiresAt().toString());
    out.put("mode", service.detached() ? "detached" : "cluster");
    return out;
  }

  private Response withCredentials(int status, Issued issued) {
    Map<String, Object> body = view(issued.provision(), provisioning().service());
    body.put("server", issued.kubeconfig().server());
    body.put("tokenExpiresAt", issued.kubeconfig().tokenExpiresAt().toString());
    body.put("kubeconfig", issued.kubeconfig().base64());
    return Response.status(status).header("Cache-Control", "no-store").entity(body).build();
  }

  private static Response unauthorized() {
    return Response.status(401)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"minicloud-vim provisioning\"")
        .entity(Map.of("error", "a valid provisioning bearer token is required"))
        .build();
  }

  private static Response invalid(InvalidProvisionRequest e) {
    return Response.status(400)
        .entity(Map.of("error", e.getMessage(), "problems", List.copyOf(e.problems())))
        .build();
  }

  private static Response failure(ProvisionException e) {
    int status =
        switch (e.kind()) {
          case NOT_FOUND -> 404;
          case CONFLICT -> 409;
          case DETACHED -> 503;
          case FAILED -> 502;
        };
    return Response.status(status).entity(Map.of("error", e.getMessage())).build();
  }
}
