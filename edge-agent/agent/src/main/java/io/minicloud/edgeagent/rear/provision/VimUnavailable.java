package io.minicloud.edgeagent.rear.provision;

/** minicloud-vim could not answer now (down, detached, no token yet): try again later. */
public final class VimUnavailable extends Exception {
  public VimUnavailable(String message) {
    super(message);
  }
}
