package io.minicloud.tetherbridge.devices;

import io.minicloud.mapper.api.DataType;
import java.math.BigDecimal;

/**
 * One property of a KubeEdge {@code DeviceModel} ({@code spec.properties[]}).
 *
 * @param minimum KubeEdge's {@code minimum} string parsed as a number, or {@code null}
 * @param maximum KubeEdge's {@code maximum} string parsed as a number, or {@code null}
 */
public record ModelProperty(
    String name,
    String description,
    DataType type,
    AccessMode accessMode,
    BigDecimal minimum,
    BigDecimal maximum,
    String unit) {}
