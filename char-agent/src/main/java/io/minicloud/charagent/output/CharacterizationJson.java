package io.minicloud.charagent.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.minicloud.charagent.model.Characterization;
import java.io.IOException;

/**
 * The JSON form of a {@link Characterization}, as published in {@code
 * docs/api/characterization.schema.json}: properties in record order, nulls written (an unknown
 * number is {@code null}, not absent), instants as ISO-8601 strings, enums by name.
 *
 * <p>Its own mapper rather than the application's: the document is a versioned contract and must
 * not change when someone tunes Quarkus' JSON settings.
 */
public final class CharacterizationJson {

  public static final String MEDIA_TYPE = "application/json";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(
              new SimpleModule("finite-doubles")
                  .addSerializer(Double.class, new FiniteDoubleSerializer()))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
          .build();

  private CharacterizationJson() {}

  /**
   * NaN and infinities are not JSON numbers (Jackson would write the string "NaN"): a temperature
   * or coordinate that is not a finite number is unknown, so it is written as null.
   */
  private static final class FiniteDoubleSerializer extends StdSerializer<Double> {
    private static final long serialVersionUID = 1L;

    FiniteDoubleSerializer() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value.isNaN() || value.isInfinite()) {
        gen.writeNull();
      } else {
        gen.writeNumber(value);
      }
    }
  }

  /** The document, pretty-printed, with a trailing newline. */
  public static String write(Characterization characterization) {
    try {
      return MAPPER.writeValueAsString(characterization) + "\n";
    } catch (JsonProcessingException e) {
      // Records of strings, numbers and lists always serialize; this would be a programming error.
      throw new IllegalStateException("cannot write characterization as JSON", e);
    }
  }

  /**
   * Reads a document written by {@link #write}.
   *
   * @throws IllegalArgumentException with the parser's location when the text is not such a
   *     document
   */
  public static Characterization read(String json) {
    try {
      return MAPPER.readValue(json, Characterization.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a characterization document: " + e.getMessage(), e);
    }
  }
}
