package io.minicloud.mapper.coap.link;

import io.minicloud.mapper.coap.config.CoapEndpointSettings;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.config.DtlsConfig;

/**
 * Californium configured in code. Californium's default ({@code Configuration.getStandard()})
 * reads, and when missing writes, {@code Californium3.properties} in the working directory; a
 * gateway service must not drop files where it happens to run, so the standard configuration is
 * replaced once by one made without a file, and every endpoint gets its own from {@link #client}.
 */
public final class CaliforniumConfigs {
  /** One stage thread each: a gateway endpoint talks to one device or a handful. */
  private static final int THREADS = 1;

  static {
    CoapConfig.register();
    UdpConfig.register();
    DtlsConfig.register();
    Configuration.setStandard(Configuration.createStandardWithoutFile());
  }

  private CaliforniumConfigs() {}

  /** Makes sure the file-less standard is in place before anything else asks Californium. */
  public static void init() {
    // the static initializer above does the work; this call only loads the class
  }

  /** A fresh configuration for one client endpoint. */
  public static Configuration client(CoapEndpointSettings settings) {
    Configuration config = Configuration.createStandardWithoutFile();
    config.set(CoapConfig.ACK_TIMEOUT, settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
    config.set(CoapConfig.MAX_RETRANSMIT, settings.maxRetransmit());
    config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, settings.maxBodySize());
    config.set(CoapConfig.PREFERRED_BLOCK_SIZE, settings.blockSize());
    config.set(CoapConfig.MAX_MESSAGE_SIZE, settings.blockSize());
    // the link re-registers observations itself (ObservationWatch), visibly and on one schedule;
    // Californium's own re-registration would race it, so it is pushed out of the way
    config.set(CoapConfig.NOTIFICATION_REREGISTRATION_BACKOFF, 1, TimeUnit.DAYS);
    config.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, THREADS);
    config.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, THREADS);
    config.set(UdpConfig.UDP_SENDER_THREAD_COUNT, THREADS);
    config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, THREADS);
    config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, THREADS);
    config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
    return config;
  }
}
