package io.minicloud.edgeagent.rear.ledger;

import io.minicloud.edgeagent.rear.RearError;
import io.minicloud.edgeagent.rear.catalog.FlavorIds;
import io.minicloud.rear.model.ReserveRequest;

/** What a reservation request must have before anything is looked up. */
final class ReserveChecks {

  private ReserveChecks() {}

  static void validate(ReserveRequest request) throws RearError {
    if (request == null) {
      throw RearError.badRequest("", "the body must be a JSON reservation object");
    }
    if (request.flavorId() == null || request.flavorId().isBlank()) {
      throw RearError.badRequest("flavorID", "flavorID is required");
    }
    if (!FlavorIds.isDnsSubdomain(request.flavorId())) {
      throw RearError.badRequest("flavorID", "flavorID is not a DNS-1123 name");
    }
    if (request.buyer() == null) {
      throw RearError.badRequest(
          "buyerID", "buyerID (the buyer's identity: ID, IP, domain) is required");
    }
    String id = request.buyer().id();
    if (id == null || id.isBlank() || id.length() > 253) {
      throw RearError.badRequest("buyerID.ID", "buyerID.ID is required (at most 253 characters)");
    }
    String liqo = request.buyer().liqoId();
    if (liqo != null && liqo.length() > 253) {
      throw RearError.badRequest(
          "buyerID.additionalInformation.liqoID", "liqoID is longer than 253 characters");
    }
  }
}
