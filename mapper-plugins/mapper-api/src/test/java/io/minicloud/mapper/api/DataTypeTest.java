package io.minicloud.mapper.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DataTypeTest {

  @ParameterizedTest
  @CsvSource({
    "uint32, UINT32",
    "FLOAT64, FLOAT64",
    "int, INT64",
    "float, FLOAT32",
    "double, FLOAT64",
    "boolean, BOOL",
    "bytes, BYTES"
  })
  void parsesOurNamesAndKubeEdgeNames(String name, DataType expected) {
    assertEquals(expected, DataType.parse(name));
  }

  @ParameterizedTest
  @CsvSource({"BOOL, 1", "INT16, 1", "UINT32, 2", "FLOAT32, 2", "FLOAT64, 4", "STRING, 0"})
  void countsSixteenBitRegisters(DataType type, int registers) {
    assertEquals(registers, type.registers());
  }

  @Test
  void separatesNumericFromOtherTypes() {
    assertTrue(DataType.INT16.numeric());
    assertFalse(DataType.BOOL.numeric());
    assertFalse(DataType.STRING.numeric());
    assertTrue(DataType.INT16.signed());
    assertFalse(DataType.UINT16.signed());
  }

  @Test
  void rejectsUnknownAndMissingTypesNamingTheValue() {
    var error = assertThrows(IllegalArgumentException.class, () -> DataType.parse("int128"));
    assertTrue(error.getMessage().contains("'int128'"), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DataType.parse(" "));
    assertThrows(IllegalArgumentException.class, () -> DataType.parse(null));
  }
}
