package io.minicloud.rear.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.minicloud.rear.quantity.Quantity;
import io.minicloud.rear.quantity.QuantityFormatException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The one JSON mapper for REAR messages. Input is read the way Go's {@code encoding/json} reads it
 * (keys case-insensitive, unknown keys ignored, quantities as strings or bare numbers), so whatever
 * a FLUIDOS node sends is understood; output uses the node's exact field names, omits absent fields
 * (Go fails on {@code ""} quantities and times) and writes RFC 3339 times at second precision.
 */
public final class RearJson {

  /** Request bodies beyond this nesting are hostile: no REAR message is deeper than ~8. */
  public static final int MAX_DEPTH = 64;

  private static final ObjectMapper MAPPER = build();

  private RearJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper build() {
    SimpleModule module = new SimpleModule("rear");
    module.addSerializer(Quantity.class, new QuantitySerializer());
    module.addDeserializer(Quantity.class, new QuantityDeserializer());
    module.addSerializer(Instant.class, new TimeSerializer());
    module.addDeserializer(Instant.class, new TimeDeserializer());
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(module)
            .build();
    mapper
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(1 << 20)
                .maxNumberLength(100)
                .build());
    return mapper;
  }

  /** RFC 3339 in UTC at second precision, as the node writes {@code expirationTime}. */
  public static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private static final class QuantitySerializer extends JsonSerializer<Quantity> {
    @Override
    public void serialize(Quantity value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  private static final class QuantityDeserializer extends JsonDeserializer<Quantity> {
    @Override
    public Quantity deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token != JsonToken.VALUE_STRING && !token.isNumeric()) {
        return (Quantity) ctxt.handleUnexpectedToken(Quantity.class, p);
      }
      try {
        return Quantity.parse(p.getText().trim());
      } catch (QuantityFormatException e) {
        return (Quantity) ctxt.handleWeirdStringValue(Quantity.class, p.getText(), e.getMessage());
      }
    }
  }

  private static final class TimeSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(time(value));
    }
  }

  private static final class TimeDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      try {
        return OffsetDateTime.parse(p.getText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .toInstant();
      } catch (DateTimeParseException e) {
        return (Instant)
            ctxt.handleWeirdStringValue(Instant.class, p.getText(), "not an RFC 3339 time");
      }
    }
  }
}
