package io.minicloud.cli;

/**
 * What one look at an agent found.
 *
 * @param state whether anything answers on the agent's port
 * @param health the readiness answer; {@link Health#UNKNOWN} when not running
 * @param version the agent's version from {@code /api/v1/agent}, or {@code null}
 * @param detail why the health is not UP (e.g. "HTTP 404"), or {@code null}
 */
record ProbeResult(State state, Health health, String version, String detail) {

  enum State {
    RUNNING("running"),
    NOT_RUNNING("not running");

    final String label;

    State(String label) {
      this.label = label;
    }
  }

  enum Health {
    UP("UP"),
    DOWN("DOWN"),
    UNKNOWN("-");

    final String label;

    Health(String label) {
      this.label = label;
    }
  }

  static ProbeResult notRunning(String detail) {
    return new ProbeResult(State.NOT_RUNNING, Health.UNKNOWN, null, detail);
  }

  static ProbeResult running(Health health, String detail) {
    return new ProbeResult(State.RUNNING, health, null, detail);
  }

  ProbeResult withVersion(String version) {
    return new ProbeResult(state, health, version, detail);
  }

  boolean isUp() {
    return state == State.RUNNING && health == Health.UP;
  }
}
