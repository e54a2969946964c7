package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.DeviceHealth;
import java.time.Instant;

/**
 * A device's state as the REST API and the {@code .../state} topic show it.
 *
 * @param lastOnline when it last answered, or null when it never did
 * @param lastError the last failure, or null
 * @param circuit the circuit breaker's state (closed, open, half_open)
 */
public record DeviceStatus(
    String device,
    String link,
    DeviceHealth health,
    Instant lastOnline,
    String lastError,
    String circuit) {}
