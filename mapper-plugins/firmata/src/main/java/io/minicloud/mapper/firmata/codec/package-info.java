/**
 * The host side of the Firmata 2.5 protocol as a pure codec: bytes in, messages out, and the
 * reverse. No serial port, no threads, no framework.
 *
 * <p>Specification: <a href="https://github.com/firmata/protocol/blob/master/protocol.md">
 * firmata/protocol protocol.md</a> and the feature documents beside it ({@code i2c.md}, {@code
 * pin-state-query.md}, {@code capability-query.md}, {@code analog-mapping-query.md}, {@code
 * extended-analog.md}, {@code sampling-interval.md}).
 */
package io.minicloud.mapper.firmata.codec;
