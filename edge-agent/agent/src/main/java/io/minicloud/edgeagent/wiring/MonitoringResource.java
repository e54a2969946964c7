package io.minicloud.edgeagent.wiring;

import io.minicloud.edgeagent.monitoring.MonitoringReport;
import io.minicloud.edgeagent.monitoring.MonitoringService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** ACCORDION's monitoring API (docs/api/edge-agent-inventory-v1.md, "Monitoring"). */
@Path("/monitoring")
@Produces(MediaType.APPLICATION_JSON)
public class MonitoringResource {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private final MonitoringService monitoring;

  public MonitoringResource(MonitoringService monitoring) {
    this.monitoring = monitoring;
  }

  @GET
  @Operation(summary = "Physical (per node) or virtual (per pod / VM) usage")
  public Response get(
      @Parameter(description = "physical_metrics or virtual_metrics") @QueryParam("metric")
          String metric,
      @Parameter(description = "virtual_metrics: the namespace; every namespace when absent")
          @QueryParam("namespace")
          String namespace) {
    if (MonitoringService.PHYSICAL.equals(metric)) {
      return Response.ok(monitoring.physical()).build();
    }
    if (MonitoringService.VIRTUAL.equals(metric)) {
      String ns = namespace == null || namespace.isBlank() ? null : namespace;
      if (ns != null && !DNS_LABEL.matcher(ns).matches()) {
        return Response.status(Response.Status.BAD_REQUEST)
            .entity(Map.of("error", "namespace must be a DNS-1123 label (a-z, 0-9, '-', <= 63)"))
            .build();
      }
      MonitoringReport report = monitoring.virtual(ns);
      return Response.ok(report).build();
    }
    return Response.status(Response.Status.BAD_REQUEST)
        .entity(
            Map.of(
                "error",
                metric == null || metric.isEmpty()
                    ? "metric is required: physical_metrics or virtual_metrics"
                    : "unknown metric: use physical_metrics or virtual_metrics",
                "accepted",
                Map.of("metric", java.util.List.of("physical_metrics", "virtual_metrics"))))
        .build();
  }
}
