package io.minicloud.rear.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minicloud.rear.model.Configuration;
import io.minicloud.rear.model.NodeIdentity;
import io.minicloud.rear.model.RearJson;
import java.io.IOException;

/**
 * The reserve body in the node's shape ({@code flavorID}, {@code buyerID}, {@code configuration}),
 * with the spec's {@code FlavorID} and {@code Buyer} beside them (INTEROP §7.1). Go ignores {@code
 * Buyer}; {@code FlavorID} repeats the same value. No spec {@code Configuration} is written: Go
 * matches keys case-insensitively, and a second, spec-shaped configuration would overwrite the
 * node's. {@code Buyer} comes first so a Jackson reader (last key wins) keeps {@code buyerID}.
 */
final class ReserveBody {

  private ReserveBody() {}

  static byte[] of(String flavorId, NodeIdentity buyer, Configuration configuration) {
    var mapper = RearJson.mapper();
    ObjectNode body = mapper.createObjectNode();
    body.set("Buyer", specIdentity(buyer));
    body.put("FlavorID", flavorId);
    body.put("flavorID", flavorId);
    body.set("buyerID", mapper.valueToTree(buyer.withoutSecrets()));
    if (configuration != null) {
      body.set("configuration", mapper.valueToTree(configuration));
    }
    try {
      return mapper.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a reserve body: " + e.getMessage(), e);
    }
  }

  /** REAR-data-models NodeIdentity: {@code {Domain, NodeID, IP, AdditionalInformation{LiqoID}}}. */
  private static ObjectNode specIdentity(NodeIdentity buyer) {
    ObjectNode spec = RearJson.mapper().createObjectNode();
    spec.put("Domain", buyer.domain());
    spec.put("NodeID", buyer.id());
    spec.put("IP", buyer.ip());
    spec.putObject("AdditionalInformation").put("LiqoID", buyer.liqoId());
    return spec;
  }
}
