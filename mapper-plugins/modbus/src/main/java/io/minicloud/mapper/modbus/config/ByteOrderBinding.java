package io.minicloud.mapper.modbus.config;

import io.minicloud.mapper.api.ByteOrder4;
import java.util.Locale;
import java.util.Optional;

/**
 * Binds a property's register layout from the spellings in use: {@code byteOrder: CDAB} (the whole
 * layout), {@code byteOrder}/{@code wordOrder: big|little} (one switch each), or KubeEdge's {@code
 * isSwap} (bytes inside each register) and {@code isRegisterSwap} (register order). Each switch may
 * be set one way only.
 */
final class ByteOrderBinding {
  static final String[] KEYS = {"byteOrder", "wordOrder", "isSwap", "isRegisterSwap"};

  private ByteOrderBinding() {}

  static ByteOrder4 bind(ConfigFields f) {
    Optional<String> byteOrder = f.text("byteOrder");
    if (byteOrder.isPresent() && byteOrder.get().length() == 4) {
      Optional<ByteOrder4> whole = f.parsed("byteOrder", ByteOrder4::parse);
      for (String other : new String[] {"wordOrder", "isSwap", "isRegisterSwap"}) {
        if (f.has(other)) {
          f.error(other, "conflicts with byteOrder " + byteOrder.get() + ", which sets both");
        }
      }
      return whole.orElse(ByteOrder4.ABCD);
    }
    Boolean byteSwap = byteOrder.isPresent() ? little(f, "byteOrder", byteOrder.get()) : null;
    Boolean wordSwap = f.text("wordOrder").map(text -> little(f, "wordOrder", text)).orElse(null);
    byteSwap = either(f, "byteOrder", byteSwap, "isSwap");
    wordSwap = either(f, "wordOrder", wordSwap, "isRegisterSwap");
    boolean words = Boolean.TRUE.equals(wordSwap);
    boolean bytes = Boolean.TRUE.equals(byteSwap);
    return words
        ? (bytes ? ByteOrder4.DCBA : ByteOrder4.CDAB)
        : (bytes ? ByteOrder4.BADC : ByteOrder4.ABCD);
  }

  private static Boolean either(ConfigFields f, String key, Boolean fromOrder, String flagKey) {
    Optional<Boolean> flag = f.bool(flagKey);
    if (flag.isPresent() && fromOrder != null) {
      f.error(flagKey, "set either " + key + " or " + flagKey + ", not both");
    }
    return fromOrder != null ? fromOrder : flag.orElse(null);
  }

  /** big → false (no swap), little → true; null after reporting anything else. */
  private static Boolean little(ConfigFields f, String key, String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "big":
        return false;
      case "little":
        return true;
      default:
        f.error(
            key,
            "'"
                + text
                + "': expected big or little"
                + (key.equals("byteOrder") ? ", or ABCD, CDAB, BADC, DCBA" : ""));
        return null;
    }
  }
}
