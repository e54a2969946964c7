package io.minicloud.vim.kubevirt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of the generated KubeVirt models ({@code io.minicloud.vim.kubevirt.model}), as the
 * apiserver reads it: unset fields left out, times as RFC 3339 strings. Use {@link #toTree} (or a
 * mapper from {@link #newMapper}) to turn a model into the {@link JsonNode} that {@link
 * KubeVirtSchema} checks.
 */
public final class KubeVirtJson {

  /**
   * Reading tolerates fields the models do not know: a newer KubeVirt may add status fields, and
   * what we write is checked by {@link KubeVirtSchema}, not by the reader.
   */
  private static final ObjectMapper MAPPER = newMapper();

  private KubeVirtJson() {}

  /** A mapper for the models (a new one: callers may configure it further, e.g. to indent). */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
  }

  /** {@code model} as a JSON tree, ready for {@link KubeVirtSchema#validate}. */
  public static JsonNode toTree(Object model) {
    return MAPPER.valueToTree(model);
  }

  /**
   * A model read back from JSON.
   *
   * @throws IllegalArgumentException naming the path (never the value) that does not fit
   */
  public static <T> T fromTree(JsonNode json, Class<T> type) {
    try {
      return MAPPER.treeToValue(json, type);
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException(
          "not a " + type.getSimpleName() + ": cannot read " + e.getPathReference());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a " + type.getSimpleName());
    }
  }
}
