package io.minicloud.edgeagent.rear.subscription;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.minicloud.edgeagent.rear.RearError;
import io.minicloud.edgeagent.rear.ledger.JsonErrors;
import io.minicloud.rear.filter.FilterException;
import io.minicloud.rear.filter.FilterParser;
import io.minicloud.rear.model.FlavorType;
import io.minicloud.rear.model.RearJson;
import java.io.IOException;
import java.util.Map;

/**
 * The body of {@code POST /api/v2/subscriptions}: {@code {"flavorType": "k8slice", "filter":
 * "filter[cpu][range][min]=2", "webhook": "https://..."}}, the last two optional. {@link #parse}
 * checks everything and names the field at fault, before anything is stored.
 */
public record SubscriptionRequest(
    @JsonProperty("flavorType") String flavorType,
    @JsonProperty("filter") String filter,
    @JsonProperty("webhook") String webhook) {

  /** The type names of the REAR paths, singular and plural, to the wire type. */
  static final Map<String, String> TYPES =
      Map.of(
          "k8slice", FlavorType.K8SLICE,
          "k8slices", FlavorType.K8SLICE,
          "vm", FlavorType.VM,
          "vms", FlavorType.VM,
          "service", FlavorType.SERVICE,
          "services", FlavorType.SERVICE,
          "sensor", FlavorType.SENSOR,
          "sensors", FlavorType.SENSOR);

  public static SubscriptionRequest parse(byte[] body) throws RearError {
    if (body == null || body.length == 0) {
      throw RearError.badRequest("body", "the request needs a JSON body");
    }
    SubscriptionRequest r;
    try {
      r = RearJson.mapper().readValue(body, SubscriptionRequest.class);
    } catch (JsonProcessingException e) {
      throw RearError.badRequest("body", "malformed request body: " + JsonErrors.describe(e));
    } catch (IOException e) {
      throw RearError.badRequest("body", "unreadable request body");
    }
    if (r == null) {
      throw RearError.badRequest("body", "the body is JSON null, not an object");
    }
    String type = wireType(r.flavorType());
    String filter = r.filter() == null ? "" : r.filter().strip();
    if (filter.startsWith("?")) {
      filter = filter.substring(1);
    }
    try {
      FilterParser.parse(type, filter);
    } catch (FilterException e) {
      throw RearError.badRequest("filter", e.getMessage());
    }
    String webhook = r.webhook();
    if (webhook != null) {
      webhook = webhook.strip();
      WebhookUrls.validate(webhook);
    }
    return new SubscriptionRequest(type, filter, webhook);
  }

  /** The wire type of a name a caller gave, or a 400 naming {@code flavorType}. */
  public static String wireType(String name) throws RearError {
    String type = name == null ? null : TYPES.get(name);
    if (type == null) {
      throw RearError.badRequest(
          "flavorType",
          name == null
              ? "flavorType is required: k8slice, vm, service or sensor"
              : "no flavor type '" + abbreviate(name) + "'; types: k8slice, vm, service, sensor");
    }
    return type;
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
