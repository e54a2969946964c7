package io.minicloud.tetherbridge.runtime;

import java.util.concurrent.CompletionException;

/** What callers of the runtime's futures need to report a failure. */
public final class Futures {
  private Futures() {}

  /** The failure itself: a dependent stage wraps it in a {@link CompletionException}. */
  public static Throwable cause(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }
}
