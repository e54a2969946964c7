package io.minicloud.tetherbridge.publish;

import io.minicloud.tetherbridge.runtime.Twin;
import io.minicloud.tetherbridge.runtime.Values;

/** One twin property as JSON shows it (REST and MQTT): plain values, ISO timestamps. */
public record TwinView(
    Object desired,
    String desiredAt,
    Object reported,
    String reportedAt,
    String quality,
    Object observedDesired,
    String verifiedAt,
    boolean pending,
    String writeError) {

  public static TwinView of(Twin.PropertyTwin t) {
    return new TwinView(
        t.desired() == null ? null : Values.plain(t.desired()),
        t.desiredAt() == null ? null : t.desiredAt().toString(),
        t.reported() == null || t.reported().value() == null
            ? null
            : Values.plain(t.reported().value()),
        t.reported() == null ? null : t.reported().timestamp().toString(),
        t.reported() == null ? null : t.reported().quality().name(),
        t.observedDesired() == null ? null : Values.plain(t.observedDesired()),
        t.verifiedAt() == null ? null : t.verifiedAt().toString(),
        t.pending(),
        t.writeError());
  }
}
