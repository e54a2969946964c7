package io.minicloud.edgeagent.inventory.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.edgeagent.inventory.Contribution;
import io.minicloud.edgeagent.inventory.InventorySource;
import io.minicloud.edgeagent.inventory.SourceException;
import io.minicloud.rear.quantity.Quantity;
import java.net.URI;
import java.util.List;

/**
 * One standalone node: its char-agent's {@code GET /characterization?format=json} (the path the
 * char-agent serves, ACCORDION's), mapped by {@link CharacterizationMapper}.
 */
public class CharAgentNodeSource implements InventorySource {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final BoundedHttp http;
  private final Quantity memoryReserve;
  private final int pods;

  public CharAgentNodeSource(URI base, BoundedHttp http, Quantity memoryReserve, int pods) {
    this.base = base;
    this.http = http;
    this.memoryReserve = memoryReserve;
    this.pods = pods;
  }

  @Override
  public String name() {
    return "char-agent " + base;
  }

  @Override
  public Contribution read() throws SourceException {
    URI uri = base.resolve("/characterization?format=json");
    String body = http.get(uri);
    try {
      return Contribution.ofNodes(
          List.of(CharacterizationMapper.toNode(JSON.readTree(body), memoryReserve, pods)));
    } catch (JsonProcessingException e) {
      throw new SourceException(uri + " answered something that is not JSON", e);
    } catch (SourceException e) {
      throw new SourceException(uri + ": " + e.getMessage(), e);
    }
  }
}
