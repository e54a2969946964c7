package io.minicloud.edgeagent.rear.provision;

/** minicloud-vim answered and said no (bad request, conflict): trying again will not help. */
public final class VimRefused extends Exception {
  private final int status;

  public VimRefused(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
