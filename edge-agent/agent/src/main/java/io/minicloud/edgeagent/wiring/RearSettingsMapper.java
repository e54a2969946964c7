package io.minicloud.edgeagent.wiring;

import io.minicloud.edgeagent.discovery.NetworkInterfaces;
import io.minicloud.edgeagent.discovery.NodeIds;
import io.minicloud.edgeagent.inventory.Resources;
import io.minicloud.edgeagent.rear.RearIdentity;
import io.minicloud.edgeagent.rear.RearProvider;
import io.minicloud.edgeagent.rear.catalog.CatalogSettings;
import io.minicloud.edgeagent.rear.http.RearListener;
import io.minicloud.edgeagent.rear.http.RearServer;
import io.minicloud.edgeagent.rear.provision.VimSettings;
import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.K8SliceData.Partitionability;
import io.minicloud.rear.model.Location;
import io.minicloud.rear.quantity.Quantity;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Typed configuration to the provider's settings; every error names the setting. */
final class RearSettingsMapper {

  private RearSettingsMapper() {}

  static RearProvider.Settings map(EdgeAgentOptions options) {
    RearOptions rear = options.rear();
    String nodeId = rear.nodeId().orElseGet(RearSettingsMapper::hostLabel);
    String endpoint =
        rear.advertisedAddress().orElseGet(() -> firstIpv4() + ":" + rear.https().port());
    RearIdentity identity = new RearIdentity(rear.domain(), nodeId, endpoint);
    List<RearListener> listeners = new ArrayList<>();
    listeners.add(new RearListener("https", rear.https().host(), rear.https().port(), true, false));
    if (rear.fluidos().enabled()) {
      listeners.add(
          new RearListener("fluidos", rear.fluidos().host(), rear.fluidos().port(), false, true));
    }
    RearServer.Tls tls = null;
    if (rear.tlsCertificate().isPresent() != rear.tlsKey().isPresent()) {
      throw new IllegalArgumentException(
          "minicloud.edge-agent.rear.tls-certificate and tls-key go together");
    }
    if (rear.tlsCertificate().isPresent()) {
      tls =
          new RearServer.Tls(
              rear.tlsCertificate().get(), rear.tlsKey().get(), rear.clientCa().orElse(null));
    }
    return new RearProvider.Settings(
        identity,
        catalog(rear.offers()),
        listeners,
        options.dataDir(),
        tls,
        rear.clientCa().orElse(null),
        rear.timeToPurchase(),
        rear.contractTerm(),
        rear.sweep());
  }

  /** minicloud-vim's provisioning API, unless provisioning is off. */
  static Optional<VimSettings> vim(EdgeAgentOptions options) {
    RearOptions.Provisioning p = options.rear().provisioning();
    if (!p.enabled()) {
      return Optional.empty();
    }
    URI url;
    try {
      url = new URI(p.vimUrl());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "minicloud.edge-agent.rear.provisioning.vim-url: not a URL: " + e.getMessage(), e);
    }
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException(
          "minicloud.edge-agent.rear.provisioning.vim-url: must be http:// or https://");
    }
    return Optional.of(
        new VimSettings(
            url,
            p.vimTokenFile(),
            p.vmImage(),
            p.poll(),
            p.retryFirst(),
            p.retryCap(),
            p.timeout()));
  }

  private static CatalogSettings catalog(RearOptions.Offers o) {
    Partitionability parts =
        new Partitionability(
            q("cpu-min", o.cpuMin()),
            q("memory-min", o.memoryMin()),
            q("pods-min", o.podsMin()),
            q("cpu-step", o.cpuStep()),
            q("memory-step", o.memoryStep()),
            q("pods-step", o.podsStep()));
    Resources vm =
        new Resources(
            q("vm-cpu", o.vmCpu()),
            q("vm-memory", o.vmMemory()),
            q("vm-storage", o.vmStorage()),
            Quantity.of(1),
            Quantity.ZERO);
    Location location =
        o.country().isEmpty()
            ? null
            : new Location(
                o.latitude().orElse(""),
                o.longitude().orElse(""),
                o.country().get(),
                o.city().orElse(""),
                "");
    Flavor.Price price =
        new Flavor.Price(
            o.priceAmount().orElse(""), o.priceCurrency().orElse(""), o.pricePeriod().orElse(""));
    return new CatalogSettings(
        parts,
        vm,
        o.serviceBuyers(),
        o.sensorBuyers(),
        location,
        price,
        o.networkPropertyType().orElse(null));
  }

  private static Quantity q(String name, String text) {
    try {
      return Quantity.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "minicloud.edge-agent.rear.offers." + name + ": " + e.getMessage(), e);
    }
  }

  /** The host name as a DNS-1123 label, as discovery derives its node id. */
  static String hostLabel() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (java.io.IOException e) {
      host = "minicloud";
    }
    return NodeIds.fromHostName(host);
  }

  static String firstIpv4() {
    return NetworkInterfaces.firstNonLoopbackIpv4()
        .map(InetAddress::getHostAddress)
        .orElse("127.0.0.1");
  }
}
