package io.minicloud.tetherbridge.bench;

import java.util.Arrays;

/**
 * {@code -Dbench.only=coap,telemetry} runs only the named benches of {@code -Pbench} (names: {@code
 * modbus}, {@code coap}, {@code telemetry}); without it, all of them run.
 */
final class BenchSelection {
  private BenchSelection() {}

  static boolean includes(String name) {
    String only = System.getProperty("bench.only", "").trim();
    boolean selected = only.isEmpty() || Arrays.asList(only.split("\\s*,\\s*")).contains(name);
    if (!selected) {
      System.out.println(name + " bench: not in -Dbench.only=" + only + "; skipped");
    }
    return selected;
  }
}
