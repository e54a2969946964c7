package io.minicloud.mapper.api.contract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A golden frame fixture {@code <plugin>.<case>.hex}: the exchange a driver must have with a peer,
 * step by step.
 *
 * <pre>
 * # comment
 * &gt; 01 03 00 00 00 02 C4 0B      request the driver must send, byte for byte
 * &lt; 01 03 04 00 0A 00 0B 9B F6   the reply the peer gives
 * &lt; timeout                      the peer stays silent
 * </pre>
 */
public record FrameScript(List<Step> steps) {

  /** One line of the script. {@code bytes} is null for a silent peer. */
  public record Step(boolean request, byte[] bytes) {
    public boolean silent() {
      return bytes == null;
    }
  }

  public FrameScript {
    steps = List.copyOf(steps);
  }

  public static FrameScript parse(String text) {
    List<Step> steps = new ArrayList<>();
    int lineNo = 0;
    for (String raw : text.split("\n")) {
      lineNo++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      char dir = line.charAt(0);
      String rest = line.substring(1).strip();
      if (dir == '>') {
        steps.add(new Step(true, Hex.parse(rest)));
      } else if (dir == '<') {
        steps.add(new Step(false, rest.equals("timeout") ? null : Hex.parse(rest)));
      } else {
        throw new IllegalArgumentException("line " + lineNo + ": expected '>' or '<': " + line);
      }
    }
    return new FrameScript(steps);
  }

  public static FrameScript load(String resource) throws IOException {
    try (InputStream in = FrameScript.class.getResourceAsStream("/" + resource)) {
      if (in == null) {
        throw new IOException("fixture " + resource + " is not on the test classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
