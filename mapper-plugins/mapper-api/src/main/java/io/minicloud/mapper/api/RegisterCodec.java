package io.minicloud.mapper.api;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Converts between 16-bit registers and typed {@link Value}s, honouring a {@link ByteOrder4}. Pure
 * and stateless: protocol codecs use it after they have framed a reply, and before they frame a
 * write.
 *
 * <p>Registers are passed as {@code int[]} words in the range 0..65535 (or as {@code short[]}, read
 * unsigned). Fixed-width types need exactly {@link DataType#registers()} registers. {@code bool} is
 * one register, true when non-zero, written as 1. {@code string} takes the bytes register by
 * register, decodes them as UTF-8 (ASCII is a subset) and trims trailing NULs and spaces; on write
 * it is NUL-padded to whole registers. {@code bytes} are taken the same way, untrimmed.
 */
public final class RegisterCodec {

  private RegisterCodec() {}

  /**
   * Decodes registers read unsigned from {@code short}s; see {@link #decode(int[], DataType,
   * ByteOrder4)}.
   */
  public static Value decode(short[] registers, DataType type, ByteOrder4 order) {
    Objects.requireNonNull(registers, "registers");
    int[] words = new int[registers.length];
    for (int i = 0; i < registers.length; i++) {
      words[i] = registers[i] & 0xFFFF;
    }
    return decode(words, type, order);
  }

  /**
   * Decodes a value of {@code type} from registers in {@code order}.
   *
   * @throws IllegalArgumentException on a wrong register count (naming expected and actual) or a
   *     register outside 0..65535
   */
  public static Value decode(int[] registers, DataType type, ByteOrder4 order) {
    Objects.requireNonNull(registers, "registers");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(order, "order");
    for (int i = 0; i < registers.length; i++) {
      if (registers[i] < 0 || registers[i] > 0xFFFF) {
        throw new IllegalArgumentException(
            "register " + i + " is " + registers[i] + ", outside 0..65535");
      }
    }
    return switch (type) {
      case STRING -> new StringValue(trimText(toBytes(registers, order)));
      case BYTES -> new BytesValue(toBytes(registers, order));
      case BOOL -> new BoolValue(fixed(registers, type, order) != 0);
      case INT16 -> new LongValue((short) fixed(registers, type, order), type);
      case UINT16 -> new LongValue(fixed(registers, type, order) & 0xFFFF, type);
      case INT32 -> new LongValue((int) fixed(registers, type, order), type);
      case UINT32 -> new LongValue(fixed(registers, type, order) & 0xFFFF_FFFFL, type);
      case INT64, UINT64 -> new LongValue(fixed(registers, type, order), type);
      case FLOAT32 ->
          new DoubleValue(Float.intBitsToFloat((int) fixed(registers, type, order)), type);
      case FLOAT64 -> new DoubleValue(Double.longBitsToDouble(fixed(registers, type, order)), type);
    };
  }

  /**
   * Encodes a value into registers in {@code order}; strings and bytes take as many registers as
   * they need (an odd byte count is padded with a NUL).
   *
   * @throws IllegalArgumentException when a float64 does not fit a float32 property
   */
  public static int[] encode(Value value, ByteOrder4 order) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(order, "order");
    if (value instanceof BoolValue b) {
      return new int[] {b.value() ? 1 : 0};
    } else if (value instanceof LongValue l) {
      return fromBits(l.value(), l.type().registers(), order);
    } else if (value instanceof DoubleValue d) {
      return d.type() == DataType.FLOAT32
          ? fromBits(Float.floatToRawIntBits(narrow(d.value())), 2, order)
          : fromBits(Double.doubleToRawLongBits(d.value()), 4, order);
    } else if (value instanceof StringValue s) {
      return fromBytes(s.value().getBytes(StandardCharsets.UTF_8), order);
    } else {
      return fromBytes(((BytesValue) value).value(), order);
    }
  }

  /**
   * Encodes a value into exactly {@code registers} registers: strings and bytes are NUL-padded to
   * fill them, fixed-width types must match.
   *
   * @throws IllegalArgumentException when the value needs more (or, fixed-width, other than) {@code
   *     registers} registers
   */
  public static int[] encode(Value value, ByteOrder4 order, int registers) {
    int[] words = encode(value, order);
    boolean variable = value instanceof StringValue || value instanceof BytesValue;
    if (variable ? words.length > registers : words.length != registers) {
      throw new IllegalArgumentException(
          LongValue.name(value.type())
              + " needs "
              + words.length
              + " registers, the property has "
              + registers);
    }
    int[] padded = new int[registers];
    System.arraycopy(words, 0, padded, 0, words.length);
    return padded;
  }

  private static long fixed(int[] registers, DataType type, ByteOrder4 order) {
    int expected = type.registers();
    if (registers.length != expected) {
      throw new IllegalArgumentException(
          LongValue.name(type)
              + " needs "
              + expected
              + (expected == 1 ? " register" : " registers")
              + ", got "
              + registers.length);
    }
    long bits = 0;
    for (int i = 0; i < expected; i++) {
      int word = registers[order.wordSwap() ? expected - 1 - i : i];
      bits = (bits << 16) | (order.byteSwap() ? swap(word) : word);
    }
    return bits;
  }

  private static int[] fromBits(long bits, int count, ByteOrder4 order) {
    int[] words = new int[count];
    for (int i = 0; i < count; i++) {
      int word = (int) (bits >>> (16 * (count - 1 - i))) & 0xFFFF;
      words[order.wordSwap() ? count - 1 - i : i] = order.byteSwap() ? swap(word) : word;
    }
    return words;
  }

  private static byte[] toBytes(int[] registers, ByteOrder4 order) {
    byte[] bytes = new byte[registers.length * 2];
    for (int i = 0; i < registers.length; i++) {
      int word = order.byteSwap() ? swap(registers[i]) : registers[i];
      bytes[2 * i] = (byte) (word >>> 8);
      bytes[2 * i + 1] = (byte) word;
    }
    return bytes;
  }

  private static int[] fromBytes(byte[] bytes, ByteOrder4 order) {
    int[] words = new int[(bytes.length + 1) / 2];
    for (int i = 0; i < words.length; i++) {
      int high = bytes[2 * i] & 0xFF;
      int low = 2 * i + 1 < bytes.length ? bytes[2 * i + 1] & 0xFF : 0;
      int word = (high << 8) | low;
      words[i] = order.byteSwap() ? swap(word) : word;
    }
    return words;
  }

  private static String trimText(byte[] bytes) {
    int end = bytes.length;
    while (end > 0 && (bytes[end - 1] == 0 || bytes[end - 1] == ' ')) {
      end--;
    }
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  private static float narrow(double value) {
    if (Double.isFinite(value) && Math.abs(value) > Float.MAX_VALUE) {
      throw new IllegalArgumentException(value + " does not fit float32");
    }
    return (float) value;
  }

  private static int swap(int word) {
    return ((word & 0xFF) << 8) | (word >>> 8);
  }
}
