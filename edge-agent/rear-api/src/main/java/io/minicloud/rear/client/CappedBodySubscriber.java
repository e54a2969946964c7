package io.minicloud.rear.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a cap, then cancels the download: a peer (or anything on its port)
 * that streams gigabytes must not exhaust a gateway's small heap. The JDK's own byte-array
 * subscriber has no limit.
 */
final class CappedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

  /** The body went past the cap; the rest was not read. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(long cap) {
      super("the answer is larger than " + cap + " bytes");
    }
  }

  private final long cap;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final boolean refuse;
  private Flow.Subscription subscription;

  CappedBodySubscriber(long cap, boolean refuse) {
    this.cap = cap;
    this.refuse = refuse;
  }

  static HttpResponse.BodyHandler<byte[]> handler(long cap) {
    return info -> {
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      // a declared length above the cap is refused before a byte of it is read
      return new CappedBodySubscriber(cap, declared > cap);
    };
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    if (refuse) {
      s.cancel();
      result.completeExceptionally(new TooLargeException(cap));
      return;
    }
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      if (buffer.size() + (long) item.remaining() > cap) {
        subscription.cancel();
        result.completeExceptionally(new TooLargeException(cap));
        return;
      }
      byte[] chunk = new byte[item.remaining()];
      item.get(chunk);
      buffer.writeBytes(chunk);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    // after a cancel the client may still report the aborted exchange: the first cause stays
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    result.complete(buffer.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
