package io.minicloud.tetherbridge.wiring;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Who this agent is; {@code minicloud status} reads it. */
@Path("/api/v1/agent")
public class AgentResource {

  /** What {@code GET /api/v1/agent} answers. */
  public record AgentInfo(String agent, String version, String node, String dataDir) {}

  private final AgentInfo info;

  public AgentResource(
      TetherBridgeOptions options,
      @ConfigProperty(name = "quarkus.application.version") String version) {
    this.info =
        new AgentInfo("tether-bridge", version, node(options), options.dataDir().toString());
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public AgentInfo get() {
    return info;
  }

  /** The node name the bridge reports for: configured, or this host's name. */
  static String node(TetherBridgeOptions options) {
    return options.nodeName().orElseGet(AgentResource::hostName);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
