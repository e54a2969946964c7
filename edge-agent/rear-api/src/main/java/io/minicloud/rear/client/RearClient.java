package io.minicloud.rear.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.minicloud.rear.client.RearErrors.Call;
import io.minicloud.rear.client.RearException.Kind;
import io.minicloud.rear.filter.FlavorFilter;
import io.minicloud.rear.model.Configuration;
import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.FlavorType;
import io.minicloud.rear.model.NodeIdentity;
import io.minicloud.rear.model.PurchaseRequest;
import io.minicloud.rear.model.RearJson;
import io.minicloud.rear.model.Transaction;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A REAR consumer: list a provider's flavors, reserve one, purchase the reservation. It speaks the
 * Go FLUIDOS node's dialect (paths {@code /flavors/k8slice}, raw-bracket filters, {@code buyerID}
 * with the buyer's Liqo id, 204 for an empty list, 500 for unknown ids) and our provider's (HTTPS,
 * bearer token or client certificate, REAR status codes). Failures are {@link RearException}s.
 */
public final class RearClient {

  private static final Set<String> LIST_TYPES =
      Set.of(FlavorType.K8SLICE, FlavorType.SERVICE, FlavorType.VM, FlavorType.SENSOR);

  /** What to do about an answer that is not REAR: usually the wrong port or a proxy's page. */
  static final String NOT_REAR_HINT = "check that the address is a REAR provider's endpoint";

  private final RearHttp http;

  /**
   * @throws IOException when the CA file or client certificate cannot be read (names the file)
   */
  public RearClient(RearClientOptions options) throws IOException {
    this.http = new RearHttp(options);
  }

  /**
   * {@code GET /api/v2/flavors} (type null) or {@code /api/v2/flavors/<type>?<filter>}. Flavors
   * whose type data a Go consumer would reject (a vm, an empty quantity) are returned as they came.
   *
   * @param type {@code k8slice}, {@code service}, {@code vm}, {@code sensor}, or null for all
   * @param filter terms for that type, or null
   */
  public List<Flavor> listFlavors(String type, FlavorFilter filter) throws RearException {
    String path = "/api/v2/flavors";
    if (type != null) {
      String kind = type.toLowerCase(Locale.ROOT);
      if (!LIST_TYPES.contains(kind)) {
        throw new IllegalArgumentException(
            "a flavor type is k8slice, service, vm or sensor, not '" + type + "'");
      }
      path += "/" + (kind.equals(FlavorType.SENSOR) ? "sensors" : kind);
    }
    if (filter != null && !filter.terms().isEmpty()) {
      if (type == null || !type.equalsIgnoreCase(filter.type())) {
        throw new IllegalArgumentException(
            "a filter applies to one flavor type: list " + filter.type() + " flavors to use it");
      }
      path += "?" + filter.toQuery();
    }
    String subject = type == null ? "the flavor list" : "the " + type + " flavor list";
    RearHttp.Response response = http.exchange(path, null);
    if (response.status() == 204) {
      return List.of();
    }
    if (response.status() != 200) {
      throw RearErrors.of(Call.LIST, subject, response, http);
    }
    JsonNode array = json(response, subject);
    if (!array.isArray()) {
      throw protocol(response, subject + " is not a JSON array");
    }
    List<Flavor> flavors = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      flavors.add(decode(response, array.get(i), Flavor.class, subject + " (element " + i + ")"));
    }
    return flavors;
  }

  /**
   * {@code POST /api/v2/reservations}: a hold on the flavor until the transaction's expiry.
   *
   * @param buyer our identity; {@code additionalInformation.liqoID} is required (a Go provider
   *     answers 400 without it)
   * @param configuration the part of the flavor wanted, or null for the whole of it
   */
  public Transaction reserve(String flavorId, NodeIdentity buyer, Configuration configuration)
      throws RearException {
    if (flavorId == null || flavorId.isBlank()) {
      throw new IllegalArgumentException("a flavor id is required");
    }
    if (buyer == null || buyer.liqoId() == null || buyer.liqoId().isBlank()) {
      throw new IllegalArgumentException(
          "the buyer needs additionalInformation.liqoID: Go providers refuse a reserve without it");
    }
    byte[] body = ReserveBody.of(flavorId, buyer, configuration);
    String subject = "flavor " + flavorId;
    RearHttp.Response response = http.exchange("/api/v2/reservations", body);
    if (response.status() != 200) {
      throw RearErrors.of(Call.RESERVE, subject, response, http);
    }
    Transaction transaction =
        decode(response, json(response, "the transaction"), Transaction.class, "the transaction");
    if (transaction.transactionId() == null || transaction.transactionId().isBlank()) {
      throw protocol(response, "the transaction for " + subject + " has no transactionID");
    }
    return transaction;
  }

  /**
   * {@code POST /api/v2/transactions/<id>/purchase}. A Go provider deletes the transaction on
   * success: purchase once, within its expiry.
   */
  public Contract purchase(String transactionId, PurchaseRequest request) throws RearException {
    if (transactionId == null || transactionId.isBlank()) {
      throw new IllegalArgumentException("a transaction id is required");
    }
    String path =
        "/api/v2/transactions/"
            + URLEncoder.encode(transactionId, StandardCharsets.UTF_8).replace("+", "%20")
            + "/purchase";
    byte[] body;
    try {
      body =
          RearJson.mapper()
              .writeValueAsBytes(request == null ? new PurchaseRequest(null, null) : request);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write the purchase request: " + e.getMessage(), e);
    }
    String subject = "transaction " + transactionId;
    RearHttp.Response response = http.exchange(path, body);
    if (response.status() != 200) {
      throw RearErrors.of(Call.PURCHASE, subject, response, http);
    }
    Contract contract =
        decode(response, json(response, "the contract"), Contract.class, "the contract");
    if (contract.contractId() == null || contract.contractId().isBlank()) {
      throw protocol(response, "the contract for " + subject + " has no contractID");
    }
    return contract;
  }

  private JsonNode json(RearHttp.Response response, String what) throws RearException {
    if (response.contentType().toLowerCase(Locale.ROOT).startsWith("text/html")) {
      throw protocol(response, "an HTML page came instead of " + what);
    }
    try {
      return RearJson.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new RearException(
          response.status(),
          Kind.PROTOCOL,
          http.where()
              + " sent malformed JSON for "
              + what
              + " ("
              + brief(e)
              + "); "
              + NOT_REAR_HINT,
          e);
    }
  }

  private <T> T decode(RearHttp.Response response, JsonNode node, Class<T> type, String what)
      throws RearException {
    if (node == null || !node.isObject()) {
      // an empty body or a null would decode to a null object and fail far from here
      throw protocol(response, what + " is not a JSON object");
    }
    try {
      return RearJson.mapper().treeToValue(node, type);
    } catch (IOException | IllegalArgumentException e) {
      throw new RearException(
          response.status(),
          Kind.PROTOCOL,
          http.where()
              + " sent "
              + what
              + " in a shape REAR does not have ("
              + brief(e)
              + "); "
              + NOT_REAR_HINT,
          e);
    }
  }

  private RearException protocol(RearHttp.Response response, String what) {
    return new RearException(
        response.status(), Kind.PROTOCOL, http.where() + ": " + what + "; " + NOT_REAR_HINT);
  }

  /** Jackson's reason without its source excerpt, which could quote a secret from the body. */
  private static String brief(Exception e) {
    String message =
        e instanceof com.fasterxml.jackson.core.JsonProcessingException j
            ? j.getOriginalMessage()
            : e.getMessage();
    String line =
        message == null ? e.getClass().getSimpleName() : message.lines().findFirst().get();
    return line.length() > 160 ? line.substring(0, 160) + "..." : line;
  }
}
