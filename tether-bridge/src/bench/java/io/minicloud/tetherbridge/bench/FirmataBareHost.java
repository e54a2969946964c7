package io.minicloud.tetherbridge.bench;

import io.minicloud.mapper.api.transport.SerialConnection;
import io.minicloud.mapper.api.transport.SerialSettings;
import io.minicloud.mapper.firmata.codec.FirmataDecoder;
import io.minicloud.mapper.firmata.codec.FirmataEncoder;
import io.minicloud.mapper.firmata.codec.FirmataMessage;
import io.minicloud.mapper.firmata.codec.PinMode;
import io.minicloud.mapper.firmata.sim.VirtualBoard;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The reference: no bridge, no plugin, no MQTT. The pty read by jSerialComm on one thread and fed
 * to the codec's decoder; an analog report of channel 0 is an arrival. What is left is the emulated
 * ADC, the firmware's sampling interval, the UART at 57600 baud and the pty.
 */
final class FirmataBareHost implements AutoCloseable {
  private final SerialConnection serial;
  private final Thread reader;
  private volatile boolean running = true;
  private volatile boolean ready;

  FirmataBareHost(VirtualBoard board, int samplingMillis, FirmataLatencyProbe probe)
      throws IOException, InterruptedException {
    serial =
        SerialConnection.open(
            new SerialSettings(board.pty(), 57600, 8, SerialSettings.Parity.NONE, 1));
    reader = new Thread(() -> read(probe), "bare-firmata-reader");
    reader.setDaemon(true);
    reader.start();
    // the same start as the plugin's: boot report, then a capability answer proves setup() is done
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!ready && System.nanoTime() < deadline) {
      serial.write(FirmataEncoder.capabilityQuery());
      Thread.sleep(1000);
    }
    if (!ready) {
      throw new IOException("bare host: the board never answered the capability query");
    }
    serial.write(FirmataEncoder.samplingInterval(samplingMillis));
    serial.write(FirmataEncoder.setPinMode(14, PinMode.ANALOG));
    serial.write(FirmataEncoder.reportAnalog(0, true));
  }

  private void read(FirmataLatencyProbe probe) {
    FirmataDecoder decoder = new FirmataDecoder();
    byte[] buffer = new byte[1024];
    try {
      while (running) {
        int n = serial.read(buffer, 0, buffer.length, 200);
        long now = System.nanoTime();
        for (FirmataMessage m : decoder.feed(buffer, 0, n)) {
          if (m instanceof FirmataMessage.CapabilityResponse) {
            ready = true;
          } else if (m instanceof FirmataMessage.AnalogValue a && a.channel() == 0) {
            probe.arrivals.add(new FirmataLatencyProbe.Arrival(now, a.value()));
          }
        }
      }
    } catch (IOException e) {
      if (running) {
        System.err.println("bare firmata host: " + e);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    serial.close();
    reader.join(1000);
  }
}
