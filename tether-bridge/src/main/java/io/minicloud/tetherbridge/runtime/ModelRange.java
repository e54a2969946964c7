package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.Value;
import io.minicloud.tetherbridge.devices.ModelProperty;

/** The DeviceModel's {@code minimum}/{@code maximum}, checked the same way for reads and writes. */
final class ModelRange {
  private ModelRange() {}

  /**
   * @param what how the value is named in the message ({@code "reading 21.5"}, {@code "42"})
   * @throws IllegalArgumentException when a numeric value is outside the model's range
   */
  static void check(ModelProperty property, Value value, String what) {
    Double number = Values.number(value);
    if (number == null) {
      return;
    }
    if ((property.minimum() != null && number < property.minimum().doubleValue())
        || (property.maximum() != null && number > property.maximum().doubleValue())) {
      throw new IllegalArgumentException(
          what
              + " is outside the model's range "
              + (property.minimum() == null ? "" : property.minimum())
              + ".."
              + (property.maximum() == null ? "" : property.maximum()));
    }
  }
}
