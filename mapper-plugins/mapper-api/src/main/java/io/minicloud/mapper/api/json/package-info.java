/**
 * Device payloads as trees, for every plugin whose devices send structured data (MQTT JSON, CoAP
 * JSON and CBOR): a parser with hard limits on size, nesting and numbers ({@link
 * io.minicloud.mapper.api.json.JsonPayloadParser}), a path subset that names one value and cannot
 * loop ({@link io.minicloud.mapper.api.json.JsonPath}), and an exact conversion to a raw {@link
 * io.minicloud.mapper.api.Value} ({@link io.minicloud.mapper.api.json.JsonValueConverter}). One
 * implementation, so a payload means the same to every plugin.
 */
package io.minicloud.mapper.api.json;
