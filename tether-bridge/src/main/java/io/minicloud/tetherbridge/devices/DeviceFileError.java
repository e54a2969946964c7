package io.minicloud.tetherbridge.devices;

/**
 * One problem in a device file.
 *
 * @param file the file as shown to the operator ({@code devices/line1.yaml})
 * @param object {@code Device "meter-7"}, {@code document 3}, or {@code null} for the whole file
 * @param field the field path ({@code spec.properties[2].visitors.protocolName}), or {@code null}
 * @param reason what is wrong
 */
public record DeviceFileError(String file, String object, String field, String reason) {

  /**
   * {@code devices/line1.yaml: Device "meter-7": spec.properties[2].visitors.protocolName: ...}.
   */
  public String message() {
    StringBuilder sb = new StringBuilder(file).append(": ");
    if (object != null) {
      sb.append(object).append(": ");
    }
    if (field != null) {
      sb.append(field).append(": ");
    }
    return sb.append(reason).toString();
  }

  @Override
  public String toString() {
    return message();
  }
}
