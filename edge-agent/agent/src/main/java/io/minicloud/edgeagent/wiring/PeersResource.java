package io.minicloud.edgeagent.wiring;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.minicloud.edgeagent.discovery.Peer;
import io.minicloud.edgeagent.discovery.PeerSource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The peers discovery knows; the dashboard and {@code minicloud peers} read it. */
@Path("/api/v1/peers")
public class PeersResource {

  /** One peer on the wire; {@code nodeID} spelled as FLUIDOS spells it. */
  public record PeerView(
      @JsonProperty("nodeID") String nodeId,
      String domain,
      String address,
      List<String> sources,
      Instant firstSeen,
      Instant lastSeen,
      String state,
      String lastError) {

    static PeerView of(Peer peer) {
      return new PeerView(
          peer.nodeId(),
          peer.domain(),
          peer.address(),
          peer.sources().stream().sorted().map(PeerSource::wireName).toList(),
          peer.firstSeen(),
          peer.lastSeen(),
          peer.state().wireName(),
          peer.lastError());
    }
  }

  private final DiscoveryWiring discovery;

  public PeersResource(DiscoveryWiring discovery) {
    this.discovery = discovery;
  }

  /** Every known peer, sorted by node ID (peers without one last). */
  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<PeerView> list() {
    return discovery.table().peers().stream().map(PeerView::of).toList();
  }
}
