package io.minicloud.cli;

import java.util.List;

/** Columns padded to their widest cell, two spaces apart, no trailing blanks (like kubectl). */
final class TextTable {

  private TextTable() {}

  /** The rows (the first is usually the header), each line prefixed with {@code indent}. */
  static String render(List<List<String>> rows, String indent) {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell).append(" ".repeat(widths[i] - cell.length() + 2));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
