package io.minicloud.mapper.firmata.codec;

import static io.minicloud.mapper.firmata.codec.Firmata.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Incremental parser of board-to-host Firmata 2.5 traffic (<a
 * href="https://github.com/firmata/protocol/blob/master/protocol.md">protocol.md</a>).
 *
 * <p>A serial line delivers arbitrary chunks, may start mid-message (the board was already
 * streaming when the port opened) and may corrupt bytes. The framing makes recovery simple: command
 * bytes have the high bit set and data bytes do not, so the parser always resynchronises on the
 * next command byte. Whatever cannot be used is dropped and counted in {@link #errors()}; {@link
 * #feed} never throws on any input and buffers at most {@link #MAX_SYSEX_LENGTH} bytes.
 *
 * <p>Not thread-safe: one decoder per connection, fed from its reader thread.
 */
public final class FirmataDecoder {

  /** Largest SysEx payload kept (command byte included); longer ones are dropped. */
  public static final int MAX_SYSEX_LENGTH = 4096;

  private enum State {
    /** Between messages: data bytes here have no command and are dropped. */
    IDLE,
    /** Inside a fixed-length channel/system message, collecting its data bytes. */
    MESSAGE,
    /** Inside a SysEx, collecting its payload until END_SYSEX. */
    SYSEX,
    /** Skipping the data bytes of an unexpected command. */
    SKIP,
    /** Skipping the rest of an over-long SysEx, up to its END_SYSEX. */
    SKIP_SYSEX
  }

  private final byte[] sysex = new byte[MAX_SYSEX_LENGTH];
  private State state = State.IDLE;
  private int command;
  private int expected;
  private final int[] data = new int[2];
  private int length;
  private long errors;

  /** Parses {@code len} bytes of {@code chunk} from {@code off}; returns the messages completed. */
  public List<FirmataMessage> feed(byte[] chunk, int off, int len) {
    List<FirmataMessage> out = new ArrayList<>();
    if (chunk == null || off < 0 || len < 0 || off > chunk.length - len) {
      errors++; // a caller bug, but the contract is "never throws"
      return out;
    }
    for (int i = off; i < off + len; i++) {
      accept(chunk[i] & 0xFF, out);
    }
    return out;
  }

  /** Parses a whole array. */
  public List<FirmataMessage> feed(byte[] chunk) {
    return feed(chunk, 0, chunk == null ? 0 : chunk.length);
  }

  /** Bytes or messages dropped so far: stray data, truncated, over-long or malformed messages. */
  public long errors() {
    return errors;
  }

  private void accept(int b, List<FirmataMessage> out) {
    if (b < 0x80) {
      data(b, out);
      return;
    }
    if (state == State.SYSEX && b == END_SYSEX) {
      state = State.IDLE;
      FirmataMessage message = SysexParser.parse(Arrays.copyOf(sysex, length));
      if (message == null) {
        errors++;
      } else {
        out.add(message);
      }
      return;
    }
    if (state == State.SYSEX || state == State.MESSAGE) {
      // A command byte before the current message ended: that message was truncated (a lost
      // byte or END_SYSEX). Drop it and parse the new command, which is likely intact.
      errors++;
    }
    start(b);
  }

  private void start(int b) {
    length = 0;
    if (b == START_SYSEX) {
      state = State.SYSEX;
      return;
    }
    if (b == END_SYSEX && state == State.SKIP_SYSEX) {
      state = State.IDLE; // the end of an over-long SysEx, already counted
      return;
    }
    int type = b < 0xF0 ? b & 0xF0 : b;
    expected =
        switch (type) {
          case DIGITAL_MESSAGE, ANALOG_MESSAGE, REPORT_VERSION -> 2;
          default -> -1;
        };
    if (expected < 0) {
      // Host-to-board commands, END_SYSEX without START_SYSEX, unassigned bytes: nothing a board
      // sends to a host. Count once and skip its data bytes rather than one error per byte.
      errors++;
      state = State.SKIP;
      return;
    }
    command = b;
    state = State.MESSAGE;
  }

  private void data(int b, List<FirmataMessage> out) {
    switch (state) {
      case IDLE -> errors++;
      case SKIP, SKIP_SYSEX -> {}
      case SYSEX -> {
        if (length == MAX_SYSEX_LENGTH) {
          errors++;
          state = State.SKIP_SYSEX; // drop until END_SYSEX or the next command
        } else {
          sysex[length++] = (byte) b;
        }
      }
      case MESSAGE -> {
        data[length++] = b;
        if (length == expected) {
          state = State.IDLE;
          out.add(channelMessage());
        }
      }
    }
  }

  private FirmataMessage channelMessage() {
    int value = data[0] | data[1] << 7;
    return switch (command & 0xF0) {
      case DIGITAL_MESSAGE -> new FirmataMessage.DigitalPort(command & 0x0F, value);
      case ANALOG_MESSAGE -> new FirmataMessage.AnalogValue(command & 0x0F, value);
      default -> new FirmataMessage.ProtocolVersion(data[0], data[1]); // REPORT_VERSION
    };
  }
}
