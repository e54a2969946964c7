package io.minicloud.mapper.coap.config;

import java.util.Locale;

/**
 * How a write reaches the device. {@code DELETE} sends no payload: it suits a writable boolean
 * "trigger" property (write {@code true} to delete the resource, e.g. clear a log); writing
 * anything else to it is refused.
 */
public enum WriteMethod {
  PUT,
  POST,
  DELETE;

  /**
   * @throws IllegalArgumentException listing the accepted values
   */
  public static WriteMethod parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected PUT, POST or DELETE, got '" + text + "'");
    }
  }
}
