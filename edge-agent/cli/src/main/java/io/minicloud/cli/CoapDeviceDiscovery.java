package io.minicloud.cli;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.coap.config.CoapEndpointSettings;
import io.minicloud.mapper.coap.config.CoapProtocolConfig;
import io.minicloud.mapper.coap.config.CoapUri;
import io.minicloud.mapper.coap.discovery.CoapDiscovery;
import io.minicloud.mapper.coap.discovery.DeviceSuggestions;
import io.minicloud.mapper.coap.discovery.SuggestedProperty;
import io.minicloud.mapper.coap.discovery.WebLink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code minicloud devices discover coap://host}: reads a CoAP server's {@code /.well-known/core}
 * through the CoAP plugin's own link (so DTLS works as it does for devices) and returns suggested
 * DeviceModel + Device YAML. Settings are bound by the plugin's config binder, so the CLI accepts
 * exactly what a device file would.
 */
final class CoapDeviceDiscovery {
  /** Device-file keys and the options that set them, for error messages. */
  private static final Map<String, String> OPTIONS =
      Map.of(
          "uri", "URI",
          "pskIdentity", "--psk-identity",
          "pskKeyFile", "--psk-key-file",
          "caFile", "--ca-file",
          "certFile", "--cert-file",
          "keyFile", "--key-file",
          "requestTimeout", "--timeout-ms");

  /** What the user asked for; empty optionals are left out. */
  record Request(
      String uri,
      Optional<String> pskIdentity,
      Optional<Path> pskKeyFile,
      Optional<Path> caFile,
      Optional<Path> certFile,
      Optional<Path> keyFile,
      Duration timeout) {}

  private CoapDeviceDiscovery() {}

  /**
   * @throws IllegalArgumentException for options that do not make a valid endpoint (usage)
   * @throws CliFailure (exit 1) when the server cannot be reached or answers no link format
   */
  static String discover(Request request) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("uri", request.uri());
    request.pskIdentity().ifPresent(v -> config.put("pskIdentity", v));
    request.pskKeyFile().ifPresent(v -> config.put("pskKeyFile", v.toString()));
    request.caFile().ifPresent(v -> config.put("caFile", v.toString()));
    request.certFile().ifPresent(v -> config.put("certFile", v.toString()));
    request.keyFile().ifPresent(v -> config.put("keyFile", v.toString()));
    config.put("requestTimeout", request.timeout().toMillis());
    CoapEndpointSettings settings = bind(config);
    List<WebLink> links;
    try {
      links = CoapDiscovery.discover(settings);
    } catch (IOException e) {
      throw new CliFailure(1, "discovery of " + settings.uri() + " failed: " + e.getMessage());
    }
    List<SuggestedProperty> properties = DeviceSuggestions.properties(links);
    Map<String, String> credentials = new LinkedHashMap<>();
    config.forEach(
        (k, v) -> {
          if (!k.equals("uri") && !k.equals("requestTimeout")) {
            credentials.put(k, String.valueOf(v));
          }
        });
    CoapUri uri = settings.uri();
    return DeviceSuggestions.yaml(
        uri, DeviceSuggestions.protocolConfig(uri, credentials), properties);
  }

  private static CoapEndpointSettings bind(Map<String, Object> config) {
    List<ConfigException.FieldError> errors = new ArrayList<>();
    Optional<CoapEndpointSettings> settings = CoapProtocolConfig.bind(config, errors);
    if (settings.isPresent()) {
      return settings.get();
    }
    List<String> messages = new ArrayList<>();
    for (ConfigException.FieldError error : errors) {
      String key = error.field().substring(error.field().lastIndexOf('.') + 1);
      messages.add(OPTIONS.getOrDefault(key, key) + ": " + error.reason());
    }
    throw new IllegalArgumentException(String.join("; ", messages));
  }
}
