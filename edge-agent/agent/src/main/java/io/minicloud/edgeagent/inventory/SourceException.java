package io.minicloud.edgeagent.inventory;

/** A source did not answer, or answered something unusable; the message says which, for humans. */
public class SourceException extends Exception {

  public SourceException(String message) {
    super(message);
  }

  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
