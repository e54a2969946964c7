package io.minicloud.mapper.api;

import java.util.List;

/**
 * A device's config cannot be bound. Carries every error found, so an operator fixes a file in one
 * pass.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * One invalid field.
   *
   * @param field the path inside the Device, e.g. {@code protocol.configData.port} or {@code
   *     properties[temperature].visitors.configData.register}
   */
  public record FieldError(String field, String reason) {
    @Override
    public String toString() {
      return field + ": " + reason;
    }
  }

  private final transient List<FieldError> errors;

  public ConfigException(List<FieldError> errors) {
    super(String.join("; ", errors.stream().map(FieldError::toString).toList()));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public static ConfigException of(String field, String reason) {
    return new ConfigException(List.of(new FieldError(field, reason)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
