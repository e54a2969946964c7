package io.minicloud.mapper.modbus.config;

import io.minicloud.mapper.modbus.codec.FunctionCode;
import java.util.Locale;

/** The four Modbus data tables, with KubeEdge's names for them. */
public enum RegisterType {
  COIL("CoilRegister", FunctionCode.READ_COILS, true),
  DISCRETE_INPUT("DiscreteInputRegister", FunctionCode.READ_DISCRETE_INPUTS, false),
  HOLDING("HoldingRegister", FunctionCode.READ_HOLDING_REGISTERS, true),
  INPUT("InputRegister", FunctionCode.READ_INPUT_REGISTERS, false);

  private final String kubeEdgeName;
  private final FunctionCode readFunction;
  private final boolean writable;

  RegisterType(String kubeEdgeName, FunctionCode readFunction, boolean writable) {
    this.kubeEdgeName = kubeEdgeName;
    this.readFunction = readFunction;
    this.writable = writable;
  }

  public String kubeEdgeName() {
    return kubeEdgeName;
  }

  public FunctionCode readFunction() {
    return readFunction;
  }

  /** False for input registers and discrete inputs: Modbus has no function to write them. */
  public boolean writable() {
    return writable;
  }

  /** True for coils and discrete inputs (single bits), false for 16-bit registers. */
  public boolean bits() {
    return readFunction.isBits();
  }

  /**
   * Parses KubeEdge's names ({@code HoldingRegister}, ...) and the short ones ({@code holding},
   * {@code input}, {@code coil}, {@code discrete}), case-insensitively.
   *
   * @throws IllegalArgumentException naming the accepted spellings
   */
  public static RegisterType parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "coilregister", "coil", "coils" -> COIL;
      case "discreteinputregister", "discreteinput", "discrete" -> DISCRETE_INPUT;
      case "holdingregister", "holding" -> HOLDING;
      case "inputregister", "input" -> INPUT;
      default ->
          throw new IllegalArgumentException(
              "unknown register '"
                  + text
                  + "': expected CoilRegister, DiscreteInputRegister, HoldingRegister or"
                  + " InputRegister (or coil, discrete, holding, input)");
    };
  }
}
