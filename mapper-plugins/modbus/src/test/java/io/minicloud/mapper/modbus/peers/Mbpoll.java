package io.minicloud.mapper.modbus.peers;

import io.minicloud.mapper.api.peers.PeerProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mbpoll Modbus master CLI, an independent client to cross-check what our driver wrote or
 * reads. Reads poll once ({@code -1}) with PDU addressing ({@code -0}).
 */
public final class Mbpoll {
  private static final Pattern VALUE =
      Pattern.compile("^\\[(\\d+)\\]:\\s+(\\S+)", Pattern.MULTILINE);

  private Mbpoll() {}

  public static boolean installed() {
    return PeerProcess.onPath("mbpoll");
  }

  /** The connection arguments for a TCP slave: {@code -m tcp -p <port> -a <unit>}. */
  public static List<String> tcp(int port, int unit) {
    return List.of("-m", "tcp", "-p", Integer.toString(port), "-a", Integer.toString(unit));
  }

  /** The connection arguments for an RTU slave on a pty: 19200 8N1. */
  public static List<String> rtu(int unit) {
    return List.of("-m", "rtu", "-b", "19200", "-P", "none", "-a", Integer.toString(unit));
  }

  /**
   * Reads once and returns address → value text as mbpoll prints it.
   *
   * @param connection {@link #tcp} or {@link #rtu}
   * @param type mbpoll's {@code -t}: {@code 0} coils, {@code 1} discrete, {@code 3} input, {@code
   *     4} holding, {@code 4:float}, {@code 4:int} ...
   * @param target the host (TCP) or the serial device (RTU)
   * @param extra more flags, e.g. {@code -B} for big-endian word order
   */
  public static Map<Integer, String> read(
      List<String> connection, String type, int address, int count, String target, String... extra)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("mbpoll"));
    command.addAll(connection);
    command.addAll(
        List.of(
            "-0",
            "-1",
            "-t",
            type,
            "-r",
            Integer.toString(address),
            "-c",
            Integer.toString(count)));
    command.addAll(List.of(extra));
    command.add(target);
    String out = PeerProcess.run(Path.of("."), command.toArray(String[]::new));
    Map<Integer, String> values = new TreeMap<>();
    Matcher m = VALUE.matcher(out);
    while (m.find()) {
      values.put(Integer.parseInt(m.group(1)), m.group(2));
    }
    if (values.isEmpty()) {
      throw new IOException("mbpoll printed no values:\n" + out);
    }
    return values;
  }

  /** Writes {@code values} (as mbpoll parses them for {@code type}) starting at {@code address}. */
  public static String write(
      List<String> connection, String type, int address, String target, String... values)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("mbpoll"));
    command.addAll(connection);
    command.addAll(List.of("-0", "-t", type, "-r", Integer.toString(address), target, "--"));
    command.addAll(List.of(values));
    return PeerProcess.run(Path.of("."), command.toArray(String[]::new));
  }
}
