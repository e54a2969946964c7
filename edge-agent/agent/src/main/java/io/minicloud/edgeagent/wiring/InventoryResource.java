package io.minicloud.edgeagent.wiring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minicloud.edgeagent.inventory.Inventory;
import io.minicloud.edgeagent.inventory.InventorySnapshot;
import io.minicloud.edgeagent.query.Attributes;
import io.minicloud.edgeagent.query.InventoryJson;
import io.minicloud.edgeagent.query.Query;
import io.minicloud.edgeagent.query.QueryException;
import io.minicloud.edgeagent.query.QueryParser;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The inventory and its queries (docs/api/edge-agent-inventory-v1.md). */
@Path("/api/v1/inventory")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

  private final Inventory inventory;

  public InventoryResource(Inventory inventory) {
    this.inventory = inventory;
  }

  @GET
  @Operation(summary = "The latest inventory snapshot: nodes, devices, services, source states")
  public ObjectNode snapshot() {
    return InventoryJson.snapshot(inventory.snapshot());
  }

  @GET
  @Path("/query")
  @Operation(
      summary = "Items of one kind matching every where term (range, exact or boolean)",
      description = "400 with {error, term, position} for a term the API cannot apply.")
  public Response query(
      @Parameter(description = "node, device or service") @QueryParam("kind") String kind,
      @Parameter(description = "e.g. memory>=2Gi, cpu=1..4, architecture=arm64, kvm=true")
          @QueryParam("where")
          List<String> where) {
    try {
      Attributes<?> attributes =
          Attributes.forKind(kind)
              .orElseThrow(
                  () ->
                      new QueryException(
                          "kind must be node, device or service", kind == null ? "" : kind, 0));
      Query<?> query = QueryParser.parse(attributes, where == null ? List.of() : where);
      InventorySnapshot snapshot = inventory.snapshot();
      List<?> items = query.run(snapshot);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("kind", attributes.kind());
      body.put("where", where == null ? List.of() : where);
      body.put("takenAt", snapshot.takenAt().toString());
      body.put("count", items.size());
      body.put("items", InventoryJson.items(items));
      return Response.ok(body).build();
    } catch (QueryException e) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", e.getMessage());
      body.put("term", e.term());
      body.put("position", e.position());
      return Response.status(Response.Status.BAD_REQUEST).entity(body).build();
    }
  }
}
