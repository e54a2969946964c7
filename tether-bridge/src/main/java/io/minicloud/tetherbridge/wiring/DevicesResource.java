package io.minicloud.tetherbridge.wiring;

import io.minicloud.tetherbridge.publish.TwinView;
import io.minicloud.tetherbridge.runtime.BridgeRuntime;
import io.minicloud.tetherbridge.runtime.DeviceDirectoryWatcher;
import io.minicloud.tetherbridge.runtime.DeviceStatus;
import io.minicloud.tetherbridge.runtime.FrameLog;
import io.minicloud.tetherbridge.runtime.Futures;
import io.minicloud.tetherbridge.runtime.LinkStatus;
import io.minicloud.tetherbridge.runtime.ManagedDevice;
import io.minicloud.tetherbridge.runtime.Reading;
import io.minicloud.tetherbridge.runtime.Twin;
import io.minicloud.tetherbridge.runtime.Values;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/** The bridge's local REST API (docs/api/tether-bridge-v1.md); thin over {@link BridgeRuntime}. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class DevicesResource {

  /** A device's state; {@code health} in KubeEdge's spelling, as on the MQTT state topic. */
  public record StatusView(
      String device,
      String link,
      String health,
      String lastOnline,
      String lastError,
      String circuit) {
    static StatusView of(DeviceStatus s) {
      return new StatusView(
          s.device(),
          s.link(),
          s.health().kubeEdgeState(),
          s.lastOnline() == null ? null : s.lastOnline().toString(),
          s.lastError(),
          s.circuit());
    }
  }

  /** A device with its latest readings. */
  public record DeviceView(StatusView status, String source, Map<String, ReadingView> properties) {}

  /** One reading; value null when the quality is BAD. */
  public record ReadingView(Object value, String quality, String timestamp, String error) {
    static ReadingView of(Reading r) {
      return new ReadingView(
          r.value() == null ? null : Values.plain(r.value()),
          r.quality().name(),
          r.timestamp().toString(),
          r.error());
    }
  }

  /** {@code PUT .../properties/{p}} body. */
  public record WriteRequest(Object value) {}

  /** An error answer. */
  public record Problem(String error) {}

  private final BridgeService bridge;

  public DevicesResource(BridgeService bridge) {
    this.bridge = bridge;
  }

  @GET
  @Path("/devices")
  public List<StatusView> devices() {
    return bridge.runtime().statuses().stream().map(StatusView::of).toList();
  }

  @GET
  @Path("/devices/{name}")
  public DeviceView device(@PathParam("name") String name) {
    ManagedDevice d = find(name);
    Map<String, ReadingView> properties = new LinkedHashMap<>();
    d.bound()
        .properties()
        .forEach(
            p -> properties.put(p.name(), d.latest(p.name()).map(ReadingView::of).orElse(null)));
    return new DeviceView(StatusView.of(d.status()), d.bound().source(), properties);
  }

  @GET
  @Path("/devices/{name}/twin")
  public Map<String, TwinView> twin(@PathParam("name") String name) {
    Map<String, TwinView> view = new java.util.TreeMap<>();
    find(name).twin().snapshot().forEach((p, t) -> view.put(p, TwinView.of(t)));
    return view;
  }

  /** Reads the property from the device now ({@code cached=true}: the latest reading). */
  @GET
  @Path("/devices/{name}/properties/{property}")
  public CompletionStage<Response> read(
      @PathParam("name") String name,
      @PathParam("property") String property,
      @QueryParam("cached") @DefaultValue("false") boolean cached) {
    ManagedDevice d = find(name);
    if (cached) {
      Reading r =
          d.latest(property)
              .orElseThrow(() -> new NotFoundException("no reading of " + property + " yet"));
      return java.util.concurrent.CompletableFuture.completedFuture(
          Response.ok(ReadingView.of(r)).build());
    }
    try {
      return bridge
          .runtime()
          .read(name, property)
          .handle((r, e) -> e == null ? Response.ok(ReadingView.of(r)).build() : failure(e));
    } catch (NoSuchElementException e) {
      throw new NotFoundException(e.getMessage());
    }
  }

  /** Sets the desired value, writes it and reads it back; answers the twin property. */
  @PUT
  @Path("/devices/{name}/properties/{property}")
  public CompletionStage<Response> write(
      @PathParam("name") String name,
      @PathParam("property") String property,
      WriteRequest request) {
    find(name);
    try {
      return bridge
          .runtime()
          .desire(name, property, request == null ? null : request.value())
          .handle((t, e) -> e != null ? failure(e) : written(t));
    } catch (NoSuchElementException e) {
      throw new NotFoundException(e.getMessage());
    } catch (IllegalArgumentException e) {
      return java.util.concurrent.CompletableFuture.completedFuture(
          Response.status(400).entity(new Problem(e.getMessage())).build());
    }
  }

  private static Response written(Twin.PropertyTwin t) {
    // 200 when verified; 502 when the device did not take the value (the twin says why)
    return Response.status(t.writeError() == null ? 200 : 502).entity(TwinView.of(t)).build();
  }

  @GET
  @Path("/devices/{name}/frames")
  public List<FrameLog.Frame> frames(
      @PathParam("name") String name, @QueryParam("limit") @DefaultValue("32") int limit) {
    return find(name).frames().last(Math.max(0, Math.min(limit, 1000)));
  }

  @GET
  @Path("/links")
  public List<LinkStatus> links() {
    return bridge.runtime().links();
  }

  /** The last load of the device directory: applied, or rejected with every error. */
  @GET
  @Path("/device-files")
  public DeviceDirectoryWatcher.LoadResult deviceFiles() {
    return bridge.lastLoad();
  }

  private ManagedDevice find(String name) {
    return bridge
        .runtime()
        .device(name)
        .orElseThrow(() -> new NotFoundException("no device " + name));
  }

  private static Response failure(Throwable e) {
    Throwable cause = Futures.cause(e);
    int status =
        cause instanceof TimeoutException
            ? 504
            : cause instanceof IllegalArgumentException ? 400 : 502;
    String message =
        cause instanceof TimeoutException
            ? "the device did not answer in time"
            : cause.getMessage();
    return Response.status(status)
        .entity(new Problem(message == null ? cause.toString() : message))
        .build();
  }
}
