package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.ErrorKind;

/**
 * What the core counts, per link and device; the wiring layer turns it into Prometheus meters
 * ({@code minicloud_tether_bridge_*}). Implementations must be thread-safe and cheap.
 */
public interface RuntimeMetrics {

  /** A poll of a device finished (the whole merged read), after {@code nanos}. */
  void polled(String link, String device, long nanos);

  /** One property read successfully. */
  void read(String link, String device);

  void error(String link, String device, ErrorKind kind);

  /** A request repeated after a corrupt reply. */
  void retry(String link, String device);

  void reconnect(String link);

  /** The link carried a request for {@code nanos} (send to last reply byte): bus utilisation. */
  void busy(String link, long nanos);

  void write(String link, String device, boolean ok);

  /** A device pushed new values (see {@link io.minicloud.mapper.api.PushSignal}). */
  void pushed(String link, String device);

  /** Counts nothing (tests that don't look at metrics). */
  RuntimeMetrics NONE =
      new RuntimeMetrics() {
        @Override
        public void polled(String link, String device, long nanos) {}

        @Override
        public void read(String link, String device) {}

        @Override
        public void error(String link, String device, ErrorKind kind) {}

        @Override
        public void retry(String link, String device) {}

        @Override
        public void reconnect(String link) {}

        @Override
        public void busy(String link, long nanos) {}

        @Override
        public void write(String link, String device, boolean ok) {}

        @Override
        public void pushed(String link, String device) {}
      };
}
