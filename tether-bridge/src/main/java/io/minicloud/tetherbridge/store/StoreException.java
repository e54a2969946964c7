package io.minicloud.tetherbridge.store;

/** The queue's database could not be used; the message says which file and why. */
public class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
