package io.minicloud.tetherbridge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time spent by this JVM (publisher, bridge chain and subscriber alike), by the Mosquitto
 * process, and by single threads: on a 2-core machine the throughput of both paths is bounded by
 * the CPU each message costs, so that is what explains the ratio.
 */
final class CpuMeter {
  /** USER_HZ: /proc/<pid>/stat counts CPU time in ticks of 1/100 s on Linux. */
  private static final double TICK_NANOS = 10_000_000;

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** CPU nanoseconds of the JVM and of the broker at one moment. */
  record Snapshot(long jvmNanos, long brokerNanos, long wallNanos) {}

  private final long brokerPid;

  /** Finds the broker's process by its configuration directory on its command line. */
  CpuMeter(Path brokerDir) {
    String dir = brokerDir.toString();
    brokerPid =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().map(c -> c.contains(dir)).orElse(false))
            .mapToLong(ProcessHandle::pid)
            .findFirst()
            .orElse(-1);
  }

  Snapshot now() {
    return new Snapshot(OS.getProcessCpuTime(), brokerNanos(), System.nanoTime());
  }

  /** CPU time of one thread of this JVM, or -1 when it is gone or not measurable. */
  static long threadNanos(Thread thread) {
    return THREADS.getThreadCpuTime(thread.getId());
  }

  static long currentThreadNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** The first live thread of this JVM with that name. */
  static Thread thread(String name) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no thread " + name));
  }

  private long brokerNanos() {
    if (brokerPid < 0) {
      return 0;
    }
    try {
      String stat = Files.readString(Path.of("/proc/" + brokerPid + "/stat"));
      // fields after the command name in parentheses: state is field 3, utime 14, stime 15
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (long) ((Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** CPU per message and how busy the machine's cores were between two snapshots. */
  record Usage(double jvmMicrosPerMessage, double brokerMicrosPerMessage, double busyPercent) {
    static Usage between(Snapshot a, Snapshot b, long messages) {
      double jvm = (b.jvmNanos() - a.jvmNanos()) / 1e3 / messages;
      double broker = (b.brokerNanos() - a.brokerNanos()) / 1e3 / messages;
      double wall = b.wallNanos() - a.wallNanos();
      double cores = Runtime.getRuntime().availableProcessors();
      double busy =
          100.0
              * ((b.jvmNanos() - a.jvmNanos()) + (b.brokerNanos() - a.brokerNanos()))
              / wall
              / cores;
      return new Usage(jvm, broker, busy);
    }
  }
}
