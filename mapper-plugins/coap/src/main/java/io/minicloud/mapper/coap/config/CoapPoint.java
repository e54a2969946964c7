package io.minicloud.mapper.coap.config;

import io.minicloud.mapper.api.DataType;
import io.minicloud.mapper.api.PointBinding;
import io.minicloud.mapper.api.Transform;
import io.minicloud.mapper.api.json.BytesEncoding;
import io.minicloud.mapper.api.json.JsonPath;
import io.minicloud.mapper.coap.payload.PayloadFormat;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One property of a CoAP device, bound from its {@code visitors.configData}.
 *
 * @param path the resource path, {@code /sensors/temp} (a query {@code ?unit=c} allowed)
 * @param method how writes are sent
 * @param accept the format asked for (Accept option) and expected when a reply names none
 * @param contentFormat the format writes are sent in
 * @param jsonPath where the value is in a JSON or CBOR body; {@code $} for a bare value
 * @param observe true: values come from Observe notifications, not GETs
 * @param maxAge overrides the Max-Age of replies: how long a notified value stays fresh
 */
public record CoapPoint(
    String path,
    WriteMethod method,
    PayloadFormat accept,
    PayloadFormat contentFormat,
    JsonPath jsonPath,
    boolean observe,
    Optional<Duration> maxAge,
    DataType rawType,
    Transform transform,
    BytesEncoding bytesEncoding,
    boolean writable) {

  public CoapPoint {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(accept, "accept");
    Objects.requireNonNull(contentFormat, "contentFormat");
    Objects.requireNonNull(jsonPath, "jsonPath");
    Objects.requireNonNull(maxAge, "maxAge");
    Objects.requireNonNull(rawType, "rawType");
    Objects.requireNonNull(transform, "transform");
    Objects.requireNonNull(bytesEncoding, "bytesEncoding");
  }

  public PointBinding binding() {
    return new PointBinding(rawType, transform);
  }

  /** Properties with the same resource key are read with one GET or one observation. */
  public ResourceKey resource() {
    return new ResourceKey(path, accept);
  }

  /** A resource as requested: its path and the format asked for. */
  public record ResourceKey(String path, PayloadFormat accept) {
    @Override
    public String toString() {
      return path + " (" + accept.mediaType() + ")";
    }
  }
}
