package io.minicloud.mapper.coap.link;

import io.minicloud.mapper.api.Connection;
import io.minicloud.mapper.api.DeviceException;
import io.minicloud.mapper.coap.config.CoapEndpointSettings;
import java.io.IOException;
import java.util.Optional;

/**
 * What a driver needs from a CoAP endpoint: requests and observations. {@link CoapLink} is the real
 * one (Californium); the contract test plays golden replies through a scripted one.
 */
public interface CoapConnection extends Connection {

  /** The settings it was opened with, so a device can tell whether it may share it. */
  CoapEndpointSettings settings();

  /**
   * Sends one request (block-wise when the body or the reply is large) and waits for its reply.
   *
   * @return the reply, whatever its code: the caller decides what a 4.xx means
   * @throws DeviceException {@link io.minicloud.mapper.api.ErrorKind#TIMEOUT} when no reply came in
   *     time, {@link io.minicloud.mapper.api.ErrorKind#DEVICE_EXCEPTION} when the device reset the
   *     request
   * @throws IOException when the endpoint failed (DTLS handshake refused, socket closed)
   */
  CoapReply exchange(CoapCall call, long timeoutMillis) throws IOException;

  /**
   * Starts (or replaces) an observation that stays registered for as long as the connection:
   * re-registered when notifications stop for longer than their Max-Age allows, or the server
   * answers without Observe (it forgot us, or the resource is gone).
   *
   * @throws IOException when the connection is closed
   */
  void observe(ObserveRequest request) throws IOException;

  /**
   * The latest reply of the observation {@code key}, kept by the connection (so values never
   * outlive it: after a reconnect, nothing is served until the device notifies again).
   */
  Optional<Notification> latest(String key);
}
