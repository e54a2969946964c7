package io.minicloud.mapper.coap.discovery;

import io.minicloud.mapper.coap.config.CoapUri;
import io.minicloud.mapper.coap.payload.PayloadFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the links of {@code /.well-known/core} into a suggested KubeEdge DeviceModel and Device
 * (YAML) for the CoAP plugin: a property per local resource, observed when the link says {@code
 * obs}. Every value that comes from the device is written as a quoted, escaped YAML string, so a
 * hostile title cannot inject YAML.
 */
public final class DeviceSuggestions {
  private static final int MAX_NAME = 63;

  private DeviceSuggestions() {}

  /** The properties, one per link to a local path ({@code /.well-known/core} itself excluded). */
  public static List<SuggestedProperty> properties(List<WebLink> links) {
    List<SuggestedProperty> properties = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (WebLink link : links) {
      String target = link.target();
      if (!target.startsWith("/")
          || target.startsWith("//")
          || target.equals("/")
          || target.startsWith("/.well-known/")) {
        continue;
      }
      String name = unique(dnsName(target), names);
      properties.add(SuggestedProperty.of(name, link));
    }
    return properties;
  }

  /**
   * The YAML documents.
   *
   * @param protocolConfig the device's {@code configData} (uri and credential file names), in order
   */
  public static String yaml(
      CoapUri uri, Map<String, String> protocolConfig, List<SuggestedProperty> properties) {
    String device = dnsName("coap-" + uri.host() + "-" + uri.port());
    String model = device + "-model";
    StringBuilder y = new StringBuilder();
    y.append("# SUGGESTED by `minicloud devices discover ").append(uri).append("` from its\n");
    y.append(
        "# /.well-known/core: property types and access modes are guesses from rt/if/title;\n");
    y.append("# review them (and jsonPath for JSON/CBOR bodies) before installing this file.\n");
    y.append("apiVersion: devices.kubeedge.io/v1beta1\nkind: DeviceModel\nmetadata:\n");
    y.append("  name: ").append(model).append('\n');
    y.append("  annotations: {minicloud.io/suggested: \"true\"}\n");
    y.append("spec:\n  protocol: coap\n  properties:\n");
    if (properties.isEmpty()) {
      y.append("    []  # the server listed no resources\n");
    }
    for (SuggestedProperty p : properties) {
      y.append("    - name: ").append(p.name()).append('\n');
      y.append("      type: ").append(p.type()).append('\n');
      y.append("      accessMode: ").append(p.writable() ? "ReadWrite" : "ReadOnly").append('\n');
      p.title().ifPresent(t -> y.append("      description: ").append(quote(t)).append('\n'));
    }
    y.append("---\napiVersion: devices.kubeedge.io/v1beta1\nkind: Device\nmetadata:\n");
    y.append("  name: ").append(device).append('\n');
    y.append("  annotations: {minicloud.io/suggested: \"true\"}\n");
    y.append("spec:\n  deviceModelRef:\n    name: ").append(model).append('\n');
    y.append("  protocol:\n    protocolName: coap\n    configData:\n");
    protocolConfig.forEach(
        (k, v) -> y.append("      ").append(k).append(": ").append(quote(v)).append('\n'));
    y.append("  properties:\n");
    if (properties.isEmpty()) {
      y.append("    []\n");
    }
    for (SuggestedProperty p : properties) {
      y.append("    - name: ").append(p.name()).append('\n');
      y.append("      collectCycle: 10000000000  # 10 s")
          .append(p.observe() ? "; notifications come at once" : "")
          .append('\n');
      y.append("      visitors:\n        protocolName: coap\n        configData:\n");
      y.append("          path: ").append(quote(p.path())).append('\n');
      if (p.format() != PayloadFormat.TEXT) {
        y.append("          accept: ").append(p.format().mediaType()).append('\n');
      }
      if (p.format().structured()) {
        y.append("          jsonPath: \"$\"  # adjust: where the value is in the body\n");
      }
      if (p.observe()) {
        y.append("          observe: true\n");
      }
    }
    return y.toString();
  }

  /** A DNS-1123 label: lower-case letters, digits and '-', at most 63. */
  static String dnsName(String text) {
    String name =
        text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (name.length() > MAX_NAME) {
      name = name.substring(0, MAX_NAME).replaceAll("-+$", "");
    }
    return name.isEmpty() ? "resource" : name;
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int i = 2; !taken.add(candidate); i++) {
      String suffix = "-" + i;
      candidate = name.substring(0, Math.min(name.length(), MAX_NAME - suffix.length())) + suffix;
    }
    return candidate;
  }

  /** A double-quoted YAML scalar: backslash, quote and every non-printable character escaped. */
  static String quote(String text) {
    StringBuilder q = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                q.append('\\').appendCodePoint(c);
              } else if (c < 0x20
                  || c == 0x7F
                  || (c >= 0x80 && c < 0xA0)
                  || c == 0x2028
                  || c == 0x2029) {
                q.append(String.format("\\u%04x", c));
              } else {
                q.appendCodePoint(c);
              }
            });
    return q.append('"').toString();
  }

  /** The protocol config of the suggested device, in the order the README lists the keys. */
  public static Map<String, String> protocolConfig(CoapUri uri, Map<String, String> credentials) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("uri", uri.toString());
    config.putAll(credentials);
    return config;
  }
}
