package io.minicloud.mapper.coap.link;

import io.minicloud.mapper.coap.config.CoapEndpointSettings;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.Connector;
import org.eclipse.californium.elements.UDPConnector;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;

/**
 * One link to a CoAP endpoint: one Californium {@link CoapEndpoint} on an ephemeral local port,
 * over UDP or Scandium's DTLS 1.2, shared by every device on the link. Requests are synchronous on
 * the caller's (the link's) thread; observations live on Californium's threads and are watched by
 * one small scheduler that re-registers them ({@link ObservationWatch}).
 */
public final class CoapLink implements CoapConnection {
  private static final System.Logger LOG = System.getLogger(CoapLink.class.getName());
  private static final long CHECK_MILLIS = 250;

  private final CoapEndpointSettings settings;
  private final CoapEndpoint endpoint;
  private final Connector connector;

  /**
   * The link's one extra thread: checks observations, and runs Californium's client callbacks
   * (observe handlers, relation timers). Without it every CoapClient that observes starts a
   * non-daemon "CoapClient(secondary)" thread of its own, which lives until the client is shut
   * down: one leaked thread per (re-)registration.
   */
  private final ScheduledThreadPoolExecutor watchdog;

  private final Map<String, ObservationWatch> watches = new ConcurrentHashMap<>();
  private final Map<String, Notification> latest = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();
  private volatile boolean open = true;

  private CoapLink(CoapEndpointSettings settings, CoapEndpoint endpoint, Connector connector) {
    this.settings = settings;
    this.endpoint = endpoint;
    this.connector = connector;
    this.watchdog =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "coap-observe " + settings.uri());
              t.setDaemon(true);
              return t;
            });
    watchdog.scheduleWithFixedDelay(
        this::checkWatches, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens the endpoint; for {@code coaps} it completes a DTLS handshake first, so wrong credentials
   * show at connect as a link failure (the core retries with backoff) rather than as timeouts.
   *
   * @throws IOException naming the endpoint and why, never a key
   */
  public static CoapLink open(CoapEndpointSettings settings) throws IOException {
    CaliforniumConfigs.init();
    Configuration config = CaliforniumConfigs.client(settings);
    Connector connector =
        settings.dtls().isPresent()
            ? DtlsConnectors.client(settings.dtls().get(), config)
            : new UDPConnector(new InetSocketAddress(0), config);
    CoapEndpoint endpoint =
        new CoapEndpoint.Builder().setConfiguration(config).setConnector(connector).build();
    try {
      endpoint.start();
    } catch (IOException e) {
      endpoint.destroy();
      throw new IOException("cannot open a CoAP endpoint for " + settings.uri() + ": " + e, e);
    }
    CoapLink link = new CoapLink(settings, endpoint, connector);
    if (settings.uri().secure()) {
      try {
        DtlsHandshake.complete(link, settings);
      } catch (IOException e) {
        link.close();
        throw e;
      }
    }
    return link;
  }

  @Override
  public CoapEndpointSettings settings() {
    return settings;
  }

  @Override
  public CoapReply exchange(CoapCall call, long timeoutMillis) throws IOException {
    requireOpen();
    return new CoapExchange(settings, this::client).send(call, timeoutMillis);
  }

  @Override
  public void observe(ObserveRequest request) throws IOException {
    requireOpen();
    ObserveRequest storing =
        new ObserveRequest(
            request.key(),
            request.path(),
            request.accept(),
            request.maxAge(),
            reply -> {
              latest.put(request.key(), new Notification(reply, clock.instant()));
              request.listener().accept(reply);
            });
    ObservationWatch watch =
        new ObservationWatch(
            storing,
            settings.uri() + request.path(),
            this::client,
            System::nanoTime,
            this::forgetDtlsSession);
    ObservationWatch previous = watches.put(request.key(), watch);
    if (previous != null) {
      previous.close();
    }
    watch.register(settings.requestTimeout().toMillis());
  }

  @Override
  public Optional<Notification> latest(String key) {
    return Optional.ofNullable(latest.get(key));
  }

  /** Registrations sent for an observation (1 until it had to be re-registered). */
  public int registrations(String key) {
    ObservationWatch watch = watches.get(key);
    return watch == null ? 0 : watch.registrations();
  }

  CoapClient client(String uri) {
    CoapClient client = new CoapClient(uri);
    client.setEndpoint(endpoint);
    client.setTimeout(settings.requestTimeout().toMillis());
    // detached: the link owns the executor and shuts it down in close()
    client.setExecutors(watchdog, watchdog, true);
    return client;
  }

  private void checkWatches() {
    for (ObservationWatch watch : watches.values()) {
      try {
        watch.check(settings.requestTimeout().toMillis());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "re-registering " + watch.key() + " failed", e);
      }
    }
  }

  /**
   * A server that stopped notifying may have restarted and lost the DTLS session; records on the
   * old session would be dropped in silence, so the next request starts a fresh handshake.
   */
  private void forgetDtlsSession() {
    if (connector instanceof DTLSConnector dtls) {
      dtls.clearConnectionState();
    }
  }

  private void requireOpen() throws IOException {
    if (!open) {
      throw new IOException("the CoAP endpoint for " + settings.uri() + " is closed");
    }
  }

  @Override
  public boolean isOpen() {
    return open && endpoint.isStarted();
  }

  @Override
  public void close() {
    open = false;
    watchdog.shutdownNow();
    watches.values().forEach(ObservationWatch::close);
    watches.clear();
    endpoint.destroy();
  }
}
