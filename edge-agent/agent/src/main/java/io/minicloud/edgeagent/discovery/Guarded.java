package io.minicloud.edgeagent.discovery;

/**
 * Wraps periodic work: a {@code ScheduledExecutorService} silently cancels a task that throws once,
 * which would quietly end announcing or expiry for the life of the agent.
 */
final class Guarded {
  private static final System.Logger LOG = System.getLogger(Guarded.class.getName());

  private Guarded() {}

  static Runnable task(String what, Runnable work) {
    return () -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, what + " failed; it runs again next period", e);
      }
    };
  }
}
