package io.minicloud.charagent.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * /proc/cpuinfo split into its per-processor blocks and the board lines outside them ({@code
 * Hardware}, {@code Revision}, {@code Serial}, {@code Model} on a Raspberry Pi). Lines are {@code
 * key<tabs>: value}; a line without a colon (a block cut mid-line, garbage) is counted and skipped.
 *
 * @param processors the blocks, in file order, each starting with {@code processor : N}
 * @param board the key/value lines outside any processor block
 * @param malformed lines that were not {@code key : value}, or a block whose number was not one
 * @param firstMalformed the first of those, abbreviated, for the warning
 */
public record CpuInfo(
    List<Processor> processors, Map<String, String> board, int malformed, String firstMalformed) {

  /** One {@code processor : N} block. */
  public record Processor(int index, Map<String, String> fields) {
    public Optional<String> get(String key) {
      return Optional.ofNullable(fields.get(key)).filter(v -> !v.isEmpty());
    }
  }

  public static CpuInfo parse(List<String> lines) {
    List<Processor> processors = new ArrayList<>();
    Map<String, String> board = new LinkedHashMap<>();
    Map<String, String> block = null;
    int malformed = 0;
    String firstMalformed = null;
    for (String line : lines) {
      if (line.isBlank()) {
        block = null; // a blank line ends a block; what follows is board lines or the next block
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        malformed++;
        firstMalformed = firstMalformed == null ? HostFiles.abbreviate(line) : firstMalformed;
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (key.equals("processor")) {
        Integer index = index(value);
        if (index == null) {
          malformed++;
          firstMalformed = firstMalformed == null ? HostFiles.abbreviate(line) : firstMalformed;
          block = new LinkedHashMap<>(); // swallow the block's lines rather than call them board
          continue;
        }
        block = new LinkedHashMap<>();
        processors.add(new Processor(index, block));
      } else if (block != null) {
        block.putIfAbsent(key, value);
      } else {
        board.putIfAbsent(key, value);
      }
    }
    processors.replaceAll(p -> new Processor(p.index(), Map.copyOf(p.fields())));
    return new CpuInfo(List.copyOf(processors), Map.copyOf(board), malformed, firstMalformed);
  }

  public Optional<String> boardField(String key) {
    return Optional.ofNullable(board.get(key)).filter(v -> !v.isEmpty());
  }

  /** The first processor block's value for a key: the fields all processors share. */
  public Optional<String> first(String key) {
    return processors.stream().flatMap(p -> p.get(key).stream()).findFirst();
  }

  private static Integer index(String value) {
    if (!value.matches("\\d{1,5}")) {
      return null;
    }
    return Integer.valueOf(value);
  }
}
