package io.minicloud.tetherbridge.devices;

import java.util.List;
import java.util.stream.Collectors;

/** All the problems found in one or more device files; nothing of them was applied. */
public final class DeviceFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<DeviceFileError> errors;

  public DeviceFileException(List<DeviceFileError> errors) {
    super(errors.stream().map(DeviceFileError::message).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  public List<DeviceFileError> errors() {
    return errors;
  }

  /** The messages, one per error, in file order. */
  public List<String> messages() {
    return errors.stream().map(DeviceFileError::message).toList();
  }
}
