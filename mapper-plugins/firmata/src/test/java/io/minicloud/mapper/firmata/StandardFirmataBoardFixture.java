package io.minicloud.mapper.firmata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.minicloud.mapper.api.DeviceSpec;
import io.minicloud.mapper.firmata.sim.StandardFirmataHex;
import io.minicloud.mapper.firmata.sim.VirtualBoard;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The peer tests' fixture: a fresh emulated Uno with the stock StandardFirmata per test, our host
 * attached to it through the plugin, both closed afterwards.
 */
abstract class StandardFirmataBoardFixture {
  static final Duration WAIT = Duration.ofSeconds(10);

  VirtualBoard board;
  FirmataConnection connection;
  final RecordingPushSignal pushed = new RecordingPushSignal();

  @BeforeEach
  void startBoard() throws Exception {
    assumeTrue(VirtualBoard.available(), "simavr development files and gcc are installed");
    board = VirtualBoard.start(StandardFirmataHex.path());
  }

  @AfterEach
  void stopBoard() {
    if (connection != null) {
      connection.close();
    }
    if (board != null) {
      board.close();
    }
  }

  /** Binds {@code spec}, opens its link to the board and attaches the driver. */
  FirmataDriver attach(DeviceSpec spec) throws Exception {
    FirmataDriver driver = (FirmataDriver) new FirmataPlugin().bind(spec);
    connection = (FirmataConnection) driver.link().opener().open();
    driver.attach(session());
    return driver;
  }

  BoardLinkSession session() {
    return new BoardLinkSession(connection, 2000, pushed);
  }
}
