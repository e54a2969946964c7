package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurrentUserTest {

  @Test
  void rootIsTheEffectiveUid() {
    // GIVEN /proc/self/status lines WHEN read THEN the second (effective) uid decides
    assertTrue(CurrentUser.isRoot(List.of("Name:\tjava", "Uid:\t0\t0\t0\t0")));
    assertFalse(CurrentUser.isRoot(List.of("Uid:\t1000\t1000\t1000\t1000")));
    assertTrue(CurrentUser.isRoot(List.of("Uid:\t1000\t0\t0\t0")));
    assertFalse(CurrentUser.isRoot(List.of("Name:\tjava")));
  }
}
