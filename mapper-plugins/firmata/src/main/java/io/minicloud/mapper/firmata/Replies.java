package io.minicloud.mapper.firmata;

import io.minicloud.mapper.firmata.codec.FirmataMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Requests waiting for the board's answer. Firmata has no request ids: an answer is the first
 * message of the expected type that matches (a pin-state response for that pin, an I2C reply from
 * that address). A waiter is registered before its request is sent, so no answer is missed.
 */
public final class Replies {

  /** What a waiter accepts. */
  public record Expect<T extends FirmataMessage>(Class<T> type, Predicate<? super T> match) {
    public static <T extends FirmataMessage> Expect<T> any(Class<T> type) {
      return new Expect<>(type, m -> true);
    }
  }

  /** One registered waiter. */
  public static final class Pending<T extends FirmataMessage> {
    private final Expect<T> expect;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Pending(Expect<T> expect) {
      this.expect = expect;
    }

    /** The answer, or empty when none came in time. */
    public Optional<T> await(Duration timeout) throws IOException {
      try {
        return Optional.of(result.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS));
      } catch (TimeoutException e) {
        return Optional.empty();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the board", e);
      }
    }

    private boolean offer(FirmataMessage message) {
      if (expect.type().isInstance(message)) {
        T typed = expect.type().cast(message);
        if (expect.match().test(typed)) {
          return result.complete(typed);
        }
      }
      return false;
    }
  }

  private final List<Pending<?>> pending = new CopyOnWriteArrayList<>();
  private volatile IOException failure;

  public <T extends FirmataMessage> Pending<T> expect(Expect<T> expect) {
    Pending<T> waiter = new Pending<>(expect);
    pending.add(waiter);
    IOException failed = failure;
    if (failed != null) {
      waiter.result.completeExceptionally(failed);
    }
    return waiter;
  }

  public void cancel(Pending<?> waiter) {
    pending.remove(waiter);
  }

  /** From the reader thread: completes (and removes) every waiter the message answers. */
  void offer(FirmataMessage message) {
    for (Pending<?> waiter : pending) {
      if (waiter.offer(message)) {
        pending.remove(waiter);
      }
    }
  }

  /** The link failed: every waiter, now and later, gets the cause. */
  void failAll(IOException cause) {
    failure = cause;
    for (Pending<?> waiter : pending) {
      waiter.result.completeExceptionally(cause);
    }
    pending.clear();
  }
}
