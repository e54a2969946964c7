package io.minicloud.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes: stop must leave none behind. */
class DemoSupervisorTest {

  @TempDir Path dir;

  private final DemoSupervisor supervisor =
      new DemoSupervisor(new SystemProcessLauncher(), Duration.ofMillis(500));

  @AfterEach
  void cleanUp() {
    supervisor.stopAll();
  }

  private AgentProcess start(String name, String script) throws IOException {
    return supervisor.start(name, List.of("bash", "-c", script), dir, dir.resolve(name + ".log"));
  }

  @Test
  void stopEndsEveryChild() throws IOException {
    // GIVEN two children that would sleep for a minute
    AgentProcess a = start("a", "sleep 60");
    AgentProcess b = start("b", "sleep 60");

    // WHEN stopped
    long begin = System.nanoTime();
    supervisor.stopAll();

    // THEN both are gone, quickly (SIGTERM was enough)
    assertFalse(a.isAlive());
    assertFalse(b.isAlive());
    assertTrue(Duration.ofNanos(System.nanoTime() - begin).toMillis() < 500);
  }

  @Test
  void childIgnoringSigtermIsKilledAfterTheGracePeriod() throws Exception {
    // GIVEN a child (and its own child) that ignore SIGTERM
    AgentProcess stubborn = start("stubborn", "trap '' TERM; sleep 60 & wait");
    waitForDescendant(stubborn);
    List<ProcessHandle> grandchildren = stubborn.process().descendants().toList();

    // WHEN stopped
    long begin = System.nanoTime();
    supervisor.stopAll();
    long tookMs = Duration.ofNanos(System.nanoTime() - begin).toMillis();

    // THEN after the grace period it and its descendants are dead
    assertFalse(stubborn.isAlive());
    assertFalse(grandchildren.isEmpty());
    grandchildren.forEach(g -> assertFalse(g.isAlive(), "descendant " + g.pid() + " survived"));
    assertTrue(tookMs >= 450, "killed before the grace period: " + tookMs + " ms");
  }

  @Test
  void nothingStartsAfterStop() throws IOException {
    // GIVEN a stopped supervisor (Ctrl-C came while agents were starting)
    supervisor.stopAll();

    // WHEN another start is attempted THEN it is refused, so nothing outlives the demo
    assertThrows(IOException.class, () -> start("late", "sleep 60"));
  }

  @Test
  void childOutputGoesToItsLog() throws Exception {
    // GIVEN a child that prints on stdout and stderr
    AgentProcess child = start("talker", "echo out; echo err >&2");

    // WHEN it ends THEN both lines are in its log
    child.process().waitFor();
    assertTrue(LogTail.lastLines(child.log(), 5).containsAll(List.of("out", "err")));
  }

  private static void waitForDescendant(AgentProcess process) throws InterruptedException {
    for (int i = 0; i < 100 && process.process().descendants().findAny().isEmpty(); i++) {
      Thread.sleep(20);
    }
    // Let bash reach `wait` with the trap installed.
    Thread.sleep(100);
  }
}
