package io.minicloud.mapper.tether;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SequenceNumbersTest {

  @Test
  void numbersRunFrom1To255AndNeverHit0() {
    SequenceNumbers seq = new SequenceNumbers(253);
    assertEquals(254, seq.next());
    assertEquals(255, seq.next());
    assertEquals(1, seq.next());
    SequenceNumbers fresh = new SequenceNumbers(0);
    for (int i = 1; i <= 600; i++) {
      assertEquals((i - 1) % 255 + 1, fresh.next());
    }
  }
}
