package io.minicloud.mapper.firmata;

import java.time.Duration;

/** Polls a condition that may throw until it holds or time runs out. */
final class BoardWait {
  interface Check {
    boolean holds() throws Exception;
  }

  private BoardWait() {}

  static boolean until(Duration timeout, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    AssertionError last = null;
    while (System.nanoTime() < deadline) {
      try {
        if (check.holds()) {
          return true;
        }
      } catch (AssertionError e) {
        last = e; // not yet: a read that is still failing
      }
      Thread.sleep(50);
    }
    if (last != null) {
      throw last;
    }
    return false;
  }
}
