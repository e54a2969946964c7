package io.minicloud.charagent.output;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** The published JSON Schema, loaded from docs/api, and a validator for test documents. */
public final class CharacterizationSchema {

  /** Surefire runs in the module directory; the schema is published at the repository root. */
  public static final Path FILE = Path.of("../docs/api/characterization.schema.json");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  private CharacterizationSchema() {}

  public static JsonNode tree() {
    try {
      return MAPPER.readTree(FILE.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The validation messages for a JSON document; empty when valid. */
  public static Set<String> problems(String json) {
    try {
      Set<ValidationMessage> messages = SCHEMA.validate(MAPPER.readTree(json));
      return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void assertValid(String json) {
    Set<String> problems = problems(json);
    assertTrue(problems.isEmpty(), () -> "schema violations: " + problems + "\n" + json);
  }

  private static JsonSchema load() {
    try (var in = Files.newInputStream(FILE)) {
      var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
