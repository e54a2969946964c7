package io.minicloud.mapper.tether;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minicloud.mapper.api.ConfigException;
import io.minicloud.mapper.api.LinkSession;
import io.minicloud.mapper.api.MapperPlugin;
import io.minicloud.mapper.api.contract.DeviceDriverContract;
import io.minicloud.mapper.api.contract.FrameScript;
import io.minicloud.mapper.api.contract.GoldenCase;
import io.minicloud.mapper.api.contract.ScriptedLinkSession;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mapper contract for tether v1. The connection frames on its own (a message link), so golden
 * cases run against a {@link TetherConnection} on the in-memory {@link FakeMcuLine}, its inputs set
 * from the case's {@code mcuInputs}; frame-level hostility is covered by {@code DecoderFuzzTest},
 * {@code TetherConnectionTest} and the firmware ITs.
 */
class TetherDriverContractTest extends DeviceDriverContract {
  private static final List<String> CASES =
      List.of("read-digital-and-analog", "write-output", "read-unconfigured-pin-refused");

  private final Map<String, FakeMcuLine> lines = new ConcurrentHashMap<>();
  private final List<TetherConnection> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

  @AfterEach
  void closeConnections() {
    opened.forEach(TetherConnection::close);
  }

  @Override
  protected MapperPlugin plugin() {
    return new TetherPlugin();
  }

  @Override
  protected List<String> goldenCases() {
    return CASES;
  }

  @Override
  protected FrameScript script(GoldenCase golden) {
    return new FrameScript(List.of());
  }

  @Override
  protected LinkSession session(GoldenCase golden, FrameScript script) {
    try {
      TetherDriver driver = (TetherDriver) plugin().bind(golden.device());
      FakeMcuLine mcu = new FakeMcuLine();
      mcu.inputs.put(2, 1);
      mcu.inputs.put(14, 512);
      TetherConnection connection = new TetherConnection(mcu, driver.config().retry(), "contract");
      opened.add(connection);
      ScriptedLinkSession session = new ScriptedLinkSession(script, connection);
      driver.attach(session);
      if (golden.name().equals("read-unconfigured-pin-refused")) {
        mcu.reset(); // the MCU forgot its pins; the plugin restores them transparently
      }
      lines.put(golden.name(), mcu);
      return session;
    } catch (IOException | ConfigException e) {
      throw new IllegalStateException("cannot set up golden case " + golden.name(), e);
    }
  }

  @Test
  void aWriteDrivesTheOutputOnce() throws Exception {
    GoldenCase golden = GoldenCase.load("tether-v1", "write-output");
    LinkSession session = session(golden, script(golden));
    plugin().bind(golden.device()).write(session, golden.writeProperty(), golden.writeValue());
    assertEquals(List.of("13=1"), lines.get("write-output").applied);
  }
}
