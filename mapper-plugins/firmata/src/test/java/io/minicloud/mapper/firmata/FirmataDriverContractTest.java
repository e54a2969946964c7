package io.minicloud.mapper.firmata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.DeviceDriver;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.MapperPlugin;
import io.minicloud.mapper.api.PushSignal;
import io.minicloud.mapper.api.contract.DeviceDriverContract;
import io.minicloud.mapper.api.contract.FrameScript;
import io.minicloud.mapper.api.contract.GoldenCase;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mapper contract for Firmata boards. Firmata is a message link (the board talks whenever it
 * likes), so a golden case's {@code .hex} is not replayed request by request by the base: each
 * session plays the whole script on an {@link InMemoryBoard}, from the boot report through the
 * handshake and configuration that attach does, to the reports and answers the read or write needs.
 * Hostile bytes are driven through the same path in {@link HostileBoardTest}.
 */
class FirmataDriverContractTest extends DeviceDriverContract {
  private static final List<String> CASES =
      List.of(
          "read-analog",
          "read-analog-by-pin",
          "read-digital-input",
          "read-output-pin-state",
          "read-i2c-no-device",
          "attach-analog-on-digital-pin",
          "write-digital-output",
          "write-pwm",
          "write-servo-extended");

  private final Map<String, InMemoryBoard> boards = new ConcurrentHashMap<>();
  private final Map<String, FirmataConnection> connections = new ConcurrentHashMap<>();

  @AfterEach
  void closeConnections() {
    connections.values().forEach(FirmataConnection::close);
  }

  @Override
  protected MapperPlugin plugin() {
    return new FirmataPlugin();
  }

  @Override
  protected List<String> goldenCases() {
    return CASES;
  }

  /** The base's frame-by-frame replay and mangling do not apply; see the class comment. */
  @Override
  protected FrameScript script(GoldenCase golden) throws IOException {
    throw new IOException("firmata scripts are played by the session's board");
  }

  @Override
  protected LinkSession session(GoldenCase golden, FrameScript ignored) {
    try {
      InMemoryBoard board =
          new InMemoryBoard(FrameScript.load("firmata." + golden.name() + ".hex"));
      FirmataConnection connection = new FirmataConnection(board, "golden", golden.name());
      BoardLinkSession session = new BoardLinkSession(connection, 500, PushSignal.NONE);
      DeviceDriver driver = plugin().bind(golden.device());
      try {
        driver.attach(session);
      } catch (DeviceException refused) {
        // kept by the connection: the case's reads must report it (attach-analog-on-digital-pin)
        assertTrue(golden.name().startsWith("attach-"), () -> golden.name() + ": " + refused);
      }
      board.awaitIdle();
      boards.put(golden.name(), board);
      connections.put(golden.name(), connection);
      return new BoardLinkSession(connection, 500, PushSignal.NONE);
    } catch (IOException | ConfigException | InterruptedException e) {
      throw new IllegalStateException("cannot set up golden case " + golden.name(), e);
    }
  }

  @Test
  void everyScriptIsPlayedToItsLastByte() throws Exception {
    for (String name : CASES) {
      // GIVEN a golden case attached to its scripted board
      GoldenCase golden = GoldenCase.load("firmata", name);
      LinkSession session = session(golden, null);
      DeviceDriver driver = plugin().bind(golden.device());

      // WHEN its operation runs (the driver is bound again: the connection holds the attachment)
      if (golden.isWrite()) {
        driver.write(session, golden.writeProperty(), golden.writeValue());
      } else {
        assertEquals(golden.read().size(), driver.read(session, golden.read()).size());
      }

      // THEN the host sent exactly the scripted bytes, all of them
      InMemoryBoard board = boards.get(name);
      assertTrue(board.finished(), () -> name + ": " + board.remaining());
    }
  }
}
