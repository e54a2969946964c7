package io.minicloud.mapper.tether;

/**
 * The host's sequence numbers: 1..255, wrapping, never 0 (the MCU's empty duplicate-window slots
 * hold 0). A retry reuses its number; every new command takes the next one. With one command in
 * flight at a time, a number comes back only 255 commands later, long after the MCU's duplicate
 * window (8 entries) has forgotten it.
 */
final class SequenceNumbers {
  private int last;

  SequenceNumbers(int start) {
    this.last = start;
  }

  synchronized int next() {
    last = last % 255 + 1;
    return last;
  }
}
