package io.minicloud.mapper.modbus.sim;

import io.minicloud.mapper.api.ByteOrder4;
import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.RegisterCodec;
import io.minicloud.mapper.modbus.config.RegisterType;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo's room climate controller, register map:
 *
 * <ul>
 *   <li>holding 0..1: temperature, float32 ABCD, °C, drifting around 21 °C
 *   <li>input 0: relative humidity, uint16, 0.1 % per count
 *   <li>holding 10: heating setpoint, int16, 0.1 °C per count, writable
 *   <li>coil 0: heater relay, writable; while on, the temperature creeps to the setpoint
 * </ul>
 *
 * <p>{@link #tick(double)} advances the simulation; {@link #start()} ticks once a second.
 */
public final class SimulatedClimateDevice implements AutoCloseable {
  public static final int UNIT = 1;
  public static final int TEMPERATURE = 0;
  public static final int HUMIDITY = 0;
  public static final int SETPOINT = 10;
  public static final int HEATER = 0;

  private static final double AMBIENT = 21.0;

  private final SlaveMemory memory = new SlaveMemory(100);
  private final Random random;
  private final ScheduledExecutorService ticker;
  private double temperature = AMBIENT;
  private double humidity = 45.0;
  private double elapsed;

  private SimulatedClimateDevice(long seed, ScheduledExecutorService ticker) {
    this.random = new Random(seed);
    this.ticker = ticker;
    memory.set(RegisterType.HOLDING, SETPOINT, 215);
    publish();
  }

  /** A device that moves only when {@link #tick} is called (tests). */
  public static SimulatedClimateDevice manual(long seed) {
    return new SimulatedClimateDevice(seed, null);
  }

  /** A device that ticks once a second on a daemon thread until {@link #close()}. */
  public static SimulatedClimateDevice start() {
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "modbus-sim-climate");
              thread.setDaemon(true);
              return thread;
            });
    SimulatedClimateDevice device = new SimulatedClimateDevice(System.nanoTime(), ticker);
    ticker.scheduleAtFixedRate(() -> device.tick(1.0), 1, 1, TimeUnit.SECONDS);
    return device;
  }

  public SlaveMemory memory() {
    return memory;
  }

  /** Advances the simulation by {@code seconds}. */
  public synchronized void tick(double seconds) {
    elapsed += seconds;
    boolean heating = memory.get(RegisterType.COIL, HEATER) == 1;
    double setpoint = (short) memory.get(RegisterType.HOLDING, SETPOINT) / 10.0;
    double target = heating ? setpoint : AMBIENT;
    // first-order lag towards the target with a little sensor noise, as a room behaves
    double lag = 1 - Math.exp(-seconds / 60.0);
    temperature += (target - temperature) * lag + random.nextGaussian() * 0.05;
    temperature = Math.max(AMBIENT - 3, Math.min(Math.max(setpoint, AMBIENT) + 3, temperature));
    humidity = 45.0 + 5.0 * Math.sin(elapsed / 300.0) + random.nextGaussian() * 0.2;
    publish();
  }

  public synchronized double temperature() {
    return temperature;
  }

  public synchronized double humidity() {
    return humidity;
  }

  private void publish() {
    int[] words =
        RegisterCodec.encode(
            new DoubleValue(temperature, io.minicloud.mapper.api.DataType.FLOAT32),
            ByteOrder4.ABCD);
    memory.set(RegisterType.HOLDING, TEMPERATURE, words);
    memory.set(RegisterType.INPUT, HUMIDITY, (int) Math.round(humidity * 10));
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }
}
