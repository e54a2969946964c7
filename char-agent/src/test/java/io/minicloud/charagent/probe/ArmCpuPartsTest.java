package io.minicloud.charagent.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArmCpuPartsTest {

  @ParameterizedTest(name = "{0}/{1} is {2}")
  @CsvSource({
    "0x41, 0xb76, ARM1176",
    "0x41, 0xc07, Cortex-A7",
    "0x41, 0xd03, Cortex-A53",
    "0x41, 0xd05, Cortex-A55",
    "0x41, 0xd08, Cortex-A72",
    "0x41, 0xd0b, Cortex-A76",
    "0x41, 0xd0c, Neoverse-N1",
    "0x41, 0xd42, Cortex-A78AE",
    "0x41, 0xd4b, Cortex-A78C",
    "0x4e, 0x004, Carmel",
    "0x51, 0x805, Kryo-4XX-Silver",
  })
  void namesKnownParts(String implementer, String part, String name) {
    int i = ArmCpuParts.hex(implementer).orElseThrow();
    int p = ArmCpuParts.hex(part).orElseThrow();

    assertEquals(Optional.of(name), ArmCpuParts.part(i, p));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0x", "zz", "0x12345", "-1", "0xd0 8"})
  void hexRejectsWhatIsNotACpuinfoCode(String value) {
    assertEquals(Optional.empty(), ArmCpuParts.hex(value));
  }

  @ParameterizedTest
  @CsvSource({"0x41, ARM", "0x4e, NVIDIA", "0x51, Qualcomm", "0xc0, Ampere"})
  void namesImplementers(String code, String name) {
    assertEquals(Optional.of(name), ArmCpuParts.implementer(ArmCpuParts.hex(code).orElseThrow()));
  }
}
