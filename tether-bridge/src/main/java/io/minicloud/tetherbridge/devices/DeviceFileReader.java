package io.minicloud.tetherbridge.devices;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.minicloud.mapper.api.DataType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads KubeEdge {@code devices.kubeedge.io/v1beta1} {@code DeviceModel}, {@code Device} and
 * (v1.23+) {@code DeviceStatus} documents, several per file separated by {@code ---}, and validates
 * them completely before anything is used. Every problem of a file is reported at once, each naming
 * the file, the object, the field and the reason.
 *
 * <p>Pure Java + Jackson; no file watching, no framework.
 */
public final class DeviceFileReader {
  public static final String API_VERSION = "devices.kubeedge.io/v1beta1";

  /** Files larger than this are rejected without being read. */
  public static final long MAX_FILE_BYTES = 1024 * 1024;

  static final int MAX_NESTING = 64;

  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final long NANOS_PER_MILLI = 1_000_000L;

  private final ObjectMapper mapper;

  public DeviceFileReader() {
    LoaderOptions loader = new LoaderOptions();
    // Aliases are refused outright (see scanForAliases); these limits are a second line of defence.
    loader.setMaxAliasesForCollections(10);
    loader.setAllowRecursiveKeys(false);
    loader.setCodePointLimit((int) MAX_FILE_BYTES);
    loader.setNestingDepthLimit(MAX_NESTING);
    loader.setAllowDuplicateKeys(false);
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(loader)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING)
                    .maxStringLength((int) MAX_FILE_BYTES)
                    .maxDocumentLength(MAX_FILE_BYTES)
                    .build())
            .build();
    mapper = new ObjectMapper(factory);
  }

  /** Reads one file on its own: the models its devices use must be in the same file. */
  public DeviceSet read(Path file) throws DeviceFileException {
    List<DeviceFileError> errors = new ArrayList<>();
    List<Parsed> docs = parseFile(file, errors);
    return assemble(docs, errors);
  }

  /**
   * Reads every {@code *.yaml} / {@code *.yml} file of a directory, in name order, as one set. A
   * missing directory is an empty set (the bridge then runs with no devices).
   */
  public DeviceSet readAll(Path dir) throws DeviceFileException {
    if (!Files.isDirectory(dir)) {
      return DeviceSet.empty();
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files =
          list.filter(
                  p -> {
                    String n = p.getFileName().toString();
                    return (n.endsWith(".yaml") || n.endsWith(".yml")) && !n.startsWith(".");
                  })
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new DeviceFileException(
          List.of(new DeviceFileError(dir.toString(), null, null, "cannot list: " + e)));
    }
    List<DeviceFileError> errors = new ArrayList<>();
    List<Parsed> docs = new ArrayList<>();
    for (Path file : files) {
      docs.addAll(parseFile(file, errors));
    }
    return assemble(docs, errors);
  }

  // ---------------------------------------------------------------------------------------------

  /** One well-formed document and where it came from. */
  private record Parsed(String file, int index, Object doc) {}

  /** A DeviceModel that had errors of its own: its name exists, its content is unusable. */
  private record RejectedModel(String name) {}

  static String label(Path file) {
    Path name = file.getFileName();
    Path parent = file.getParent() == null ? null : file.getParent().getFileName();
    return parent == null ? String.valueOf(name) : parent + "/" + name;
  }

  private List<Parsed> parseFile(Path file, List<DeviceFileError> errors) {
    String label = label(file);
    String text = readText(file, label, errors);
    if (text == null) {
      return List.of();
    }
    if (!scanForAliases(text, label, errors)) {
      return List.of();
    }
    List<JsonNode> nodes = new ArrayList<>();
    try (YAMLParser parser = (YAMLParser) mapper.getFactory().createParser(text)) {
      while (parser.nextToken() != null) {
        nodes.add(mapper.readTree(parser));
      }
    } catch (JsonProcessingException e) {
      errors.add(syntaxError(label, e));
      return List.of();
    } catch (IOException e) {
      errors.add(new DeviceFileError(label, null, null, "cannot parse: " + e.getMessage()));
      return List.of();
    }
    if (nodes.stream().allMatch(n -> n == null || n.isNull() || n.isMissingNode())) {
      errors.add(new DeviceFileError(label, null, null, "file has no YAML documents"));
      return List.of();
    }
    List<Parsed> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode node = nodes.get(i);
      if (node == null || node.isNull() || node.isMissingNode()) {
        continue; // an empty document between two "---" is harmless
      }
      DocReader docReader = new DocReader(label, i + 1, node, errors);
      Object doc = docReader.read();
      if (doc != null) {
        out.add(new Parsed(label, i + 1, doc));
      } else if ("DeviceModel".equals(docReader.attemptedKind)) {
        // already reported; keeps its devices from also failing with "model is not defined"
        out.add(new Parsed(label, i + 1, new RejectedModel(docReader.attemptedName)));
      }
    }
    return out;
  }

  private static String readText(Path file, String label, List<DeviceFileError> errors) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        errors.add(
            new DeviceFileError(
                label,
                null,
                null,
                "file is " + size + " bytes, over the limit of " + MAX_FILE_BYTES + " bytes"));
        return null;
      }
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      }
    } catch (IOException e) {
      errors.add(new DeviceFileError(label, null, null, "cannot read: " + e));
      return null;
    }
    if (bytes.length > MAX_FILE_BYTES) {
      errors.add(
          new DeviceFileError(
              label, null, null, "file grew over the limit of " + MAX_FILE_BYTES + " bytes"));
      return null;
    }
    if (bytes.length == 0) {
      errors.add(new DeviceFileError(label, null, null, "file is empty"));
      return null;
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    String text;
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      text = decoder.decode(buffer).toString();
    } catch (MalformedInputException e) {
      errors.add(
          new DeviceFileError(
              label,
              null,
              null,
              "not UTF-8 text (invalid byte sequence at byte offset " + buffer.position() + ")"));
      return null;
    } catch (CharacterCodingException e) {
      errors.add(new DeviceFileError(label, null, null, "not UTF-8 text: " + e));
      return null;
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        errors.add(
            new DeviceFileError(
                label,
                null,
                null,
                String.format(
                    "binary content (control character 0x%02X at offset %d)", (int) c, i)));
        return null;
      }
    }
    if (text.isBlank()) {
      errors.add(new DeviceFileError(label, null, null, "file is empty"));
      return null;
    }
    return text;
  }

  /**
   * Device files never need YAML aliases, and aliases are how "billion laughs" documents blow up:
   * refuse them, with their position, before building any tree.
   */
  private boolean scanForAliases(String text, String label, List<DeviceFileError> errors) {
    try (YAMLParser parser = (YAMLParser) mapper.getFactory().createParser(text)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (parser.isCurrentAlias()) {
          JsonLocation at = parser.currentTokenLocation();
          errors.add(
              new DeviceFileError(
                  label,
                  null,
                  null,
                  "YAML alias *"
                      + parser.getText()
                      + " at line "
                      + at.getLineNr()
                      + ", column "
                      + at.getColumnNr()
                      + ": aliases are not supported in device files"));
          return false;
        }
        if (token == JsonToken.NOT_AVAILABLE) {
          break;
        }
      }
      return true;
    } catch (JsonProcessingException e) {
      errors.add(syntaxError(label, e));
      return false;
    } catch (IOException e) {
      errors.add(new DeviceFileError(label, null, null, "cannot parse: " + e.getMessage()));
      return false;
    }
  }

  private static DeviceFileError syntaxError(String label, JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip();
    int nl = original.indexOf('\n');
    String first = nl < 0 ? original : original.substring(0, nl).strip();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return new DeviceFileError(label, null, null, "malformed YAML" + where + ": " + first);
  }

  // ---------------------------------------------------------------------------------------------

  private DeviceSet assemble(List<Parsed> docs, List<DeviceFileError> errors)
      throws DeviceFileException {
    Map<String, Parsed> modelsByName = new HashMap<>();
    Map<String, Parsed> devicesByName = new HashMap<>();
    Map<String, Parsed> statusesByName = new HashMap<>();
    List<DeviceModelDoc> models = new ArrayList<>();
    List<DeviceDoc> devices = new ArrayList<>();
    List<DeviceStatusDoc> statuses = new ArrayList<>();
    Map<String, String> sources = new HashMap<>();
    for (Parsed p : docs) {
      if (p.doc() instanceof DeviceModelDoc m) {
        if (duplicate(p, "DeviceModel", m.name(), modelsByName, errors)) {
          models.add(m);
        }
      } else if (p.doc() instanceof RejectedModel r) {
        modelsByName.putIfAbsent(r.name(), p);
      } else if (p.doc() instanceof DeviceDoc d) {
        if (duplicate(p, "Device", d.name(), devicesByName, errors)) {
          devices.add(d);
          sources.put(d.name(), p.file());
        }
      } else if (p.doc() instanceof DeviceStatusDoc s) {
        if (duplicate(p, "DeviceStatus", s.name(), statusesByName, errors)) {
          statuses.add(s);
        }
      }
    }
    for (Parsed p : docs) {
      if (p.doc() instanceof DeviceDoc d) {
        checkAgainstModel(p, d, modelsByName, errors);
      }
    }
    if (!errors.isEmpty()) {
      throw new DeviceFileException(errors);
    }
    return new DeviceSet(models, devices, statuses, sources);
  }

  /** Records the name; returns false (and reports) when it was already taken. */
  private static boolean duplicate(
      Parsed p, String kind, String name, Map<String, Parsed> seen, List<DeviceFileError> errors) {
    Parsed first = seen.putIfAbsent(name, p);
    if (first == null) {
      return true;
    }
    errors.add(
        new DeviceFileError(
            p.file(),
            kind + " \"" + name + "\"",
            "metadata.name",
            "duplicate "
                + kind
                + " name, first defined in "
                + first.file()
                + " document "
                + first.index()));
    return false;
  }

  private static void checkAgainstModel(
      Parsed p, DeviceDoc d, Map<String, Parsed> models, List<DeviceFileError> errors) {
    String object = "Device \"" + d.name() + "\"";
    Parsed mp = models.get(d.modelRef());
    if (mp == null) {
      errors.add(
          new DeviceFileError(
              p.file(),
              object,
              "spec.deviceModelRef.name",
              "DeviceModel \"" + d.modelRef() + "\" is not defined in the device files"));
      return;
    }
    if (!(mp.doc() instanceof DeviceModelDoc model)) {
      return; // the model's own errors are already reported
    }
    if (model.protocol() != null
        && !model.protocol().isEmpty()
        && !model.protocol().equals(d.protocolName())) {
      errors.add(
          new DeviceFileError(
              p.file(),
              object,
              "spec.protocol.protocolName",
              "\""
                  + d.protocolName()
                  + "\" does not match the protocol \""
                  + model.protocol()
                  + "\" of DeviceModel \""
                  + model.name()
                  + "\""));
    }
    for (int i = 0; i < d.properties().size(); i++) {
      DeviceProperty prop = d.properties().get(i);
      if (model.property(prop.name()).isEmpty()) {
        errors.add(
            new DeviceFileError(
                p.file(),
                object,
                "spec.properties[" + i + "].name",
                "property \""
                    + prop.name()
                    + "\" is not declared in DeviceModel \""
                    + model.name()
                    + "\""));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Validates and types one document, adding every problem it finds. */
  private static final class DocReader {
    private final String file;
    private final int index;
    private final JsonNode root;
    private final List<DeviceFileError> errors;
    private String object;
    private boolean failed;
    private String attemptedKind;
    private String attemptedName;

    DocReader(String file, int index, JsonNode root, List<DeviceFileError> errors) {
      this.file = file;
      this.index = index;
      this.root = root;
      this.errors = errors;
      this.object = "document " + index;
    }

    private void error(String field, String reason) {
      failed = true;
      errors.add(new DeviceFileError(file, object, field, reason));
    }

    Object read() {
      if (!root.isObject()) {
        error(null, "a document must be a mapping, not " + describe(root));
        return null;
      }
      String apiVersion = text(root, "apiVersion", "apiVersion", true);
      String kind = text(root, "kind", "kind", true);
      JsonNode metadata = root.get("metadata");
      String name = null;
      String namespace = null;
      if (metadata == null || metadata.isNull()) {
        error("metadata.name", "is missing");
      } else if (!metadata.isObject()) {
        error("metadata", "must be a mapping, not " + describe(metadata));
      } else {
        name = text(metadata, "name", "metadata.name", true);
        namespace = text(metadata, "namespace", "metadata.namespace", false);
      }
      if (kind != null && !Set.of("DeviceModel", "Device", "DeviceStatus").contains(kind)) {
        error("kind", "\"" + kind + "\" is not one of DeviceModel, Device, DeviceStatus");
        kind = null;
      }
      if (kind != null && name != null) {
        object = kind + " \"" + name + "\"";
        attemptedKind = kind;
        attemptedName = name;
      }
      if (apiVersion != null && !API_VERSION.equals(apiVersion)) {
        error("apiVersion", "\"" + apiVersion + "\" is not supported: expected " + API_VERSION);
      }
      if (name != null && !validSubdomain(name)) {
        error(
            "metadata.name",
            "\""
                + name
                + "\" is not a valid DNS-1123 subdomain (lower-case letters, digits, '-' and '.',"
                + " starting and ending with a letter or digit, at most 253 characters)");
      }
      if (namespace != null && !validLabel(namespace)) {
        error(
            "metadata.namespace",
            "\""
                + namespace
                + "\" is not a valid DNS-1123 label (lower-case letters, digits and '-', starting"
                + " and ending with a letter or digit, at most 63 characters)");
      }
      if (kind == null || name == null) {
        return null;
      }
      Object doc =
          switch (kind) {
            case "DeviceModel" -> readModel(name, namespace);
            case "Device" -> readDevice(name, namespace);
            default -> new DeviceStatusDoc(name, namespace);
          };
      return failed ? null : doc;
    }

    private DeviceModelDoc readModel(String name, String namespace) {
      JsonNode spec = mapping(root, "spec", "spec", true);
      if (spec == null) {
        return null;
      }
      String protocol = text(spec, "protocol", "spec.protocol", false);
      List<ModelProperty> properties = new ArrayList<>();
      Set<String> names = new HashSet<>();
      JsonNode list = sequence(spec, "properties", "spec.properties");
      for (int i = 0; list != null && i < list.size(); i++) {
        String path = "spec.properties[" + i + "]";
        JsonNode p = list.get(i);
        if (!p.isObject()) {
          error(path, "must be a mapping, not " + describe(p));
          continue;
        }
        String pname = text(p, "name", path + ".name", true);
        if (pname != null && !names.add(pname)) {
          error(path + ".name", "duplicate property \"" + pname + "\"");
        }
        String typeName = text(p, "type", path + ".type", true);
        DataType type = null;
        if (typeName != null) {
          try {
            type = DataType.parse(typeName);
          } catch (IllegalArgumentException e) {
            error(path + ".type", e.getMessage());
          }
        }
        String modeName = text(p, "accessMode", path + ".accessMode", true);
        AccessMode mode = null;
        if (modeName != null) {
          mode = AccessMode.fromKubeEdge(modeName);
          if (mode == null) {
            error(path + ".accessMode", "\"" + modeName + "\" is not ReadWrite or ReadOnly");
          }
        }
        BigDecimal min = number(p, "minimum", path + ".minimum");
        BigDecimal max = number(p, "maximum", path + ".maximum");
        if (min != null && max != null && min.compareTo(max) > 0) {
          error(
              path,
              "minimum " + min.toPlainString() + " is greater than maximum " + max.toPlainString());
        }
        String description = text(p, "description", path + ".description", false);
        String unit = text(p, "unit", path + ".unit", false);
        properties.add(new ModelProperty(pname, description, type, mode, min, max, unit));
      }
      return new DeviceModelDoc(name, namespace, protocol, properties);
    }

    private DeviceDoc readDevice(String name, String namespace) {
      // status (≤ v1.22 twins, state, lastOnlineTime) is accepted and not kept.
      JsonNode spec = mapping(root, "spec", "spec", true);
      if (spec == null) {
        return null;
      }
      String modelRef = null;
      JsonNode ref = mapping(spec, "deviceModelRef", "spec.deviceModelRef", true);
      if (ref != null) {
        modelRef = text(ref, "name", "spec.deviceModelRef.name", true);
        if (modelRef != null && !validSubdomain(modelRef)) {
          error(
              "spec.deviceModelRef.name", "\"" + modelRef + "\" is not a valid DNS-1123 subdomain");
        }
      }
      String nodeName = text(spec, "nodeName", "spec.nodeName", false);
      String protocolName = null;
      Map<String, Object> protocolConfig = Map.of();
      JsonNode protocol = mapping(spec, "protocol", "spec.protocol", true);
      if (protocol != null) {
        protocolName = text(protocol, "protocolName", "spec.protocol.protocolName", true);
        protocolConfig = config(protocol, "spec.protocol.configData");
      }
      List<DeviceProperty> properties = new ArrayList<>();
      Set<String> names = new HashSet<>();
      JsonNode list = sequence(spec, "properties", "spec.properties");
      for (int i = 0; list != null && i < list.size(); i++) {
        String path = "spec.properties[" + i + "]";
        JsonNode p = list.get(i);
        if (!p.isObject()) {
          error(path, "must be a mapping, not " + describe(p));
          continue;
        }
        String pname = text(p, "name", path + ".name", true);
        if (pname != null && !names.add(pname)) {
          error(path + ".name", "duplicate property \"" + pname + "\"");
        }
        String visitorProtocol = null;
        Map<String, Object> visitorConfig = Map.of();
        JsonNode visitors = mapping(p, "visitors", path + ".visitors", true);
        if (visitors != null) {
          visitorProtocol = text(visitors, "protocolName", path + ".visitors.protocolName", true);
          if (visitorProtocol != null
              && protocolName != null
              && !visitorProtocol.equals(protocolName)) {
            error(
                path + ".visitors.protocolName",
                "\""
                    + visitorProtocol
                    + "\" does not match the device's protocol \""
                    + protocolName
                    + "\"");
          }
          visitorConfig = config(visitors, path + ".visitors.configData");
        }
        long report = cycle(p, "reportCycle", path + ".reportCycle");
        long collect = cycle(p, "collectCycle", path + ".collectCycle");
        boolean toCloud = bool(p, "reportToCloud", path + ".reportToCloud");
        String desired = null;
        JsonNode desiredNode = mapping(p, "desired", path + ".desired", false);
        if (desiredNode != null) {
          desired = text(desiredNode, "value", path + ".desired.value", false);
        }
        properties.add(
            new DeviceProperty(
                pname, visitorProtocol, visitorConfig, report, collect, toCloud, desired));
      }
      if (failed) {
        return null;
      }
      return new DeviceDoc(
          name, namespace, modelRef, nodeName, protocolName, protocolConfig, properties);
    }

    // --- field helpers -------------------------------------------------------------------------

    private String text(JsonNode parent, String field, String path, boolean required) {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        if (required) {
          error(path, "is missing");
        }
        return null;
      }
      if (!n.isValueNode()) {
        error(path, "must be a scalar, not " + describe(n));
        return null;
      }
      String value = n.asText();
      if (required && value.isBlank()) {
        error(path, "is empty");
        return null;
      }
      return value;
    }

    private JsonNode mapping(JsonNode parent, String field, String path, boolean required) {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        if (required) {
          error(path, "is missing");
        }
        return null;
      }
      if (!n.isObject()) {
        error(path, "must be a mapping, not " + describe(n));
        return null;
      }
      return n;
    }

    private JsonNode sequence(JsonNode parent, String field, String path) {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        return null;
      }
      if (!n.isArray()) {
        error(path, "must be a list, not " + describe(n));
        return null;
      }
      return n;
    }

    private Map<String, Object> config(JsonNode parent, String path) {
      JsonNode n = parent.get("configData");
      if (n == null || n.isNull()) {
        return Map.of();
      }
      if (!n.isObject()) {
        error(path, "must be a mapping, not " + describe(n));
        return Map.of();
      }
      return toMap(n);
    }

    private BigDecimal number(JsonNode parent, String field, String path) {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
        return null;
      }
      if (n.isNumber()) {
        return n.decimalValue();
      }
      if (n.isTextual()) {
        try {
          return new BigDecimal(n.asText().strip());
        } catch (NumberFormatException e) {
          error(path, "\"" + n.asText() + "\" is not a number");
          return null;
        }
      }
      error(path, "must be a number, not " + describe(n));
      return null;
    }

    /** A KubeEdge cycle (Go time.Duration, nanoseconds) in milliseconds; 0 when absent. */
    private long cycle(JsonNode parent, String field, String path) {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        return 0;
      }
      if (!n.isIntegralNumber() || !n.canConvertToLong()) {
        error(path, "must be an integer number of nanoseconds, not " + describe(n));
        return 0;
      }
      long nanos = n.asLong();
      if (nanos <= 0) {
        error(path, "must be positive (nanoseconds), got " + nanos);
        return 0;
      }
      if (nanos < NANOS_PER_MILLI) {
        error(path, nanos + " ns is below the 1 ms resolution (the value is in nanoseconds)");
        return 0;
      }
      return nanos / NANOS_PER_MILLI;
    }

    private boolean bool(JsonNode parent, String field, String path) {
      JsonNode n = parent.get(field);
      if (n == null || n.isNull()) {
        return false;
      }
      if (!n.isBoolean()) {
        error(path, "must be true or false, not " + describe(n));
        return false;
      }
      return n.booleanValue();
    }
  }

  static boolean validSubdomain(String name) {
    return name.length() <= 253 && DNS1123_SUBDOMAIN.matcher(name).matches();
  }

  static boolean validLabel(String name) {
    return name.length() <= 63 && DNS1123_LABEL.matcher(name).matches();
  }

  private static String describe(JsonNode n) {
    if (n.isObject()) {
      return "a mapping";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isTextual()) {
      return "the string \"" + n.asText() + "\"";
    }
    return n.toString();
  }

  private static Map<String, Object> toMap(JsonNode object) {
    Map<String, Object> out = new LinkedHashMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), toValue(e.getValue())));
    return out;
  }

  private static Object toValue(JsonNode n) {
    if (n.isObject()) {
      return toMap(n);
    }
    if (n.isArray()) {
      List<Object> list = new ArrayList<>();
      n.forEach(e -> list.add(toValue(e)));
      return list;
    }
    if (n.isNull()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isBinary()) {
      try {
        return n.binaryValue();
      } catch (IOException e) {
        return n.asText();
      }
    }
    return n.asText();
  }
}
