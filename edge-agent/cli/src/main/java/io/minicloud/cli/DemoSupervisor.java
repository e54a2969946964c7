package io.minicloud.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Owns the demo's child processes and guarantees none outlives a stop: SIGTERM to each child and
 * its descendants, a grace period, then SIGKILL to whatever is left.
 */
final class DemoSupervisor {

  private static final Duration KILL_WAIT = Duration.ofSeconds(5);

  private final ProcessLauncher launcher;
  private final Duration grace;
  private final List<AgentProcess> children = new ArrayList<>();
  private boolean stopped;

  /**
   * @param launcher starts the children
   * @param grace how long children get to exit after SIGTERM before they are killed
   */
  DemoSupervisor(ProcessLauncher launcher, Duration grace) {
    this.launcher = launcher;
    this.grace = grace;
  }

  /** Starts and tracks a child; see {@link ProcessLauncher#start}. */
  synchronized AgentProcess start(String name, List<String> command, Path workDir, Path log)
      throws IOException {
    if (stopped) {
      // stopAll() already ran (Ctrl-C): a child started now would outlive the demo.
      throw new IOException("not starting " + name + ": the demo is stopping");
    }
    AgentProcess child = new AgentProcess(name, launcher.start(command, workDir, log), log);
    children.add(child);
    return child;
  }

  /** Stops tracking a child that has finished its job (e.g. a build). */
  synchronized void forget(AgentProcess child) {
    children.remove(child);
  }

  synchronized List<AgentProcess> children() {
    return List.copyOf(children);
  }

  /**
   * Stops every tracked child and its descendants and forgets them; returns once none is alive (or
   * the kernel failed to kill one within a few seconds). Safe to call more than once; nothing can
   * be started afterwards.
   */
  synchronized void stopAll() {
    stopped = true;
    Set<ProcessHandle> handles = new LinkedHashSet<>();
    List<Process> processes = new ArrayList<>();
    for (AgentProcess child : children) {
      processes.add(child.process());
      // Descendants must be listed before the parent dies, when they are re-parented away.
      handles.add(child.process().toHandle());
      child.process().descendants().forEach(handles::add);
    }
    children.clear();
    handles.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle handle : handles) {
      awaitExit(handle, deadline);
    }
    Set<ProcessHandle> left = new LinkedHashSet<>();
    for (ProcessHandle handle : handles) {
      if (handle.isAlive()) {
        handle.descendants().forEach(left::add);
        left.add(handle);
      }
    }
    left.forEach(ProcessHandle::destroyForcibly);
    long killDeadline = System.nanoTime() + KILL_WAIT.toNanos();
    for (ProcessHandle handle : left) {
      awaitExit(handle, killDeadline);
    }
    // A handle's exit is seen before the JDK's reaper marks the Process itself exited; wait for
    // that too, so no caller ever sees a stopped child as alive (seen on a loaded machine).
    for (Process process : processes) {
      try {
        process.waitFor(
            Math.max(1, (killDeadline - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void awaitExit(ProcessHandle handle, long deadlineNanos) {
    long remaining = deadlineNanos - System.nanoTime();
    if (remaining <= 0 || !handle.isAlive()) {
      return;
    }
    try {
      handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Still alive: the caller kills it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
