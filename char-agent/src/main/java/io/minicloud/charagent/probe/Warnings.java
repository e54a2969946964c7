package io.minicloud.charagent.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * What a characterization could not read or had to skip. Probes never throw for bad input: they
 * record a warning and report "unknown", so one odd file never hides the rest of the machine.
 */
public final class Warnings {
  /** A hostile tree must not grow the document without bound. */
  static final int MAX = 200;

  private final List<String> messages = new ArrayList<>();
  private int dropped;

  public void add(String message) {
    if (messages.size() < MAX) {
      messages.add(message);
    } else {
      dropped++;
    }
  }

  public List<String> list() {
    if (dropped == 0) {
      return List.copyOf(messages);
    }
    List<String> all = new ArrayList<>(messages);
    all.add(dropped + " more warnings dropped");
    return List.copyOf(all);
  }
}
