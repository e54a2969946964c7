package io.minicloud.charagent.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ToscaValuesTest {

  @Test
  void sizesUseTheLargestExactBinaryUnitOrWholeMebibytes() {
    assertEquals("4 KiB", ToscaValues.size(4096L));
    assertEquals("64 KiB", ToscaValues.size(65536L));
    assertEquals("4 GiB", ToscaValues.size(4L << 30));
    assertEquals("2 TiB", ToscaValues.size(2L << 40));
    assertEquals("3793 MiB", ToscaValues.size(3_978_227_712L));
    assertEquals("1000 B", ToscaValues.size(1000L));
    assertEquals("0 B", ToscaValues.size(0L));
    assertNull(ToscaValues.size(null));
    assertNull(ToscaValues.size(-1L));
  }

  @Test
  void frequenciesAreMegahertzAndTheHostOneRespectsItsMinimum() {
    assertEquals("1800 MHz", ToscaValues.mhz(1800));
    assertNull(ToscaValues.mhz(0));
    assertNull(ToscaValues.mhz(null));
    assertEquals("100 MHz", ToscaValues.hostFrequency(100));
    assertNull(ToscaValues.hostFrequency(99));
  }

  @Test
  void versionsFollowTheParsersGrammar() {
    assertEquals("12", ToscaValues.version("12"));
    assertEquals("22.04", ToscaValues.version("22.04"));
    assertEquals("24.04.1", ToscaValues.version("24.04.1"));
    assertEquals("3.19.1.beta", ToscaValues.version("3.19.1.beta"));
    assertNull(ToscaValues.version("rolling"));
    assertNull(ToscaValues.version("12/sid"));
    assertNull(ToscaValues.version("unknown"));
    assertNull(ToscaValues.version("12\n"));
    assertNull(ToscaValues.version(null));
  }

  @Test
  void nonFiniteDoublesAreUnknown() {
    assertNull(ToscaValues.finite(Double.NaN));
    assertNull(ToscaValues.finite(Double.NEGATIVE_INFINITY));
    assertEquals(-1.5, ToscaValues.finite(-1.5));
  }
}
