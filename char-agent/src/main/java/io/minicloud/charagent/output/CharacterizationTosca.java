package io.minicloud.charagent.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.minicloud.charagent.model.Accelerator;
import io.minicloud.charagent.model.AttachedDevices;
import io.minicloud.charagent.model.Characterization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link Characterization} as a TOSCA Simple Profile in YAML 1.2 document: the Minicloud types
 * ({@code tosca-types.yaml}, copied in so the document needs no imports), one {@code
 * minicloud.nodes.EdgeGateway} node template named {@value #GATEWAY} with the normative {@code
 * host} and {@code os} capabilities filled, and one node template per accelerator and attached
 * device.
 *
 * <p>Every scalar written from the host is a double-quoted YAML string, so model names with colons,
 * quotes, {@code #} or control characters cannot change the document's structure; template names
 * are ours ({@code accelerator_0}, {@code usb_1}), never host strings.
 */
public final class CharacterizationTosca {

  public static final String MEDIA_TYPE = "application/yaml";
  public static final String DEFINITIONS_VERSION = "tosca_simple_yaml_1_2";
  public static final String GATEWAY = "gateway";

  static final String TYPES_RESOURCE = "tosca-types.yaml";
  private static final String TYPES = loadTypes();

  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .disable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build());

  private CharacterizationTosca() {}

  /** The TOSCA document, valid for the OpenStack tosca-parser (checked by the peer tests). */
  public static String write(Characterization c) {
    var header = new ToscaMap();
    header.put("tosca_definitions_version", DEFINITIONS_VERSION);
    header.put(
        "description",
        "Minicloud Edge characterization of node "
            + c.node()
            + " (schema "
            + c.schemaVersion()
            + ")");
    var metadata = new ToscaMap();
    metadata.put("template_name", "minicloud-characterization");
    metadata.put("template_author", "minicloud char-agent");
    metadata.put("template_version", c.schemaVersion());
    header.put("metadata", metadata);

    var templates = new ToscaMap();
    templates.put(GATEWAY, ToscaGateway.template(c));
    addAccelerators(templates, c.accelerators());
    addDevices(templates, c.devices());
    var topology = new ToscaMap();
    topology.put("node_templates", templates);
    var body = new ToscaMap();
    body.put("topology_template", topology);

    return yaml(header) + "\n" + TYPES + "\n" + yaml(body);
  }

  private static void addAccelerators(ToscaMap templates, List<Accelerator> accelerators) {
    int i = 0;
    for (Accelerator a : nonNull(accelerators)) {
      var capability = new ToscaMap();
      capability.put("kind", a.kind() == null ? null : a.kind().name());
      capability.put("driver", a.driver());
      capability.put("vendor", a.vendor());
      capability.put("devices", a.devices());
      templates.put(
          "accelerator_" + i++,
          attached("minicloud.nodes.Accelerator", a.name(), "accelerator", capability));
    }
  }

  private static void addDevices(ToscaMap templates, AttachedDevices devices) {
    if (devices == null) {
      return;
    }
    int i = 0;
    for (AttachedDevices.UsbDevice usb : nonNull(devices.usb())) {
      var capability = device("usb");
      capability.put("bus_path", usb.busPath());
      capability.put("vendor_id", usb.vendorId());
      capability.put("product_id", usb.productId());
      capability.put("manufacturer", usb.manufacturer());
      capability.put("product", usb.product());
      capability.put("serial", usb.serial());
      templates.put("usb_" + i++, attached(usb.busPath(), capability));
    }
    i = 0;
    for (AttachedDevices.SerialPort port : nonNull(devices.serialPorts())) {
      var capability = device("serial");
      capability.put("device", port.device());
      capability.put("by_id_path", port.byIdPath());
      capability.put("driver", port.driver());
      templates.put("serial_" + i++, attached(port.device(), capability));
    }
    i = 0;
    for (AttachedDevices.Bus bus : nonNull(devices.buses())) {
      String kind = bus.kind() == null ? "i2c" : bus.kind().name().toLowerCase(Locale.ROOT);
      var capability = device(kind);
      capability.put("device", bus.device());
      templates.put("bus_" + i++, attached(bus.name(), capability));
    }
  }

  private static ToscaMap device(String kind) {
    var capability = new ToscaMap();
    capability.put("kind", kind);
    return capability;
  }

  private static ToscaMap attached(String name, ToscaMap capability) {
    return attached("minicloud.nodes.AttachedDevice", name, "device", capability);
  }

  private static ToscaMap attached(
      String type, String name, String capabilityName, ToscaMap props) {
    var template = new ToscaMap();
    template.put("type", type);
    var properties = new ToscaMap();
    properties.put("name", name == null ? Characterization.UNKNOWN : name);
    template.put("properties", properties);
    template.put("capabilities", Map.of(capabilityName, Map.of("properties", props)));
    template.put("requirements", List.of(Map.of("gateway", GATEWAY)));
    return template;
  }

  static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }

  private static String yaml(Object value) {
    try {
      return YAML.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write TOSCA YAML", e);
    }
  }

  private static String loadTypes() {
    try (InputStream in = CharacterizationTosca.class.getResourceAsStream(TYPES_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(TYPES_RESOURCE + " is missing from the class path");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // The leading comment block documents the resource; the documents keep only definitions.
      return text.substring(text.indexOf("\ndata_types:") + 1).stripTrailing() + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
