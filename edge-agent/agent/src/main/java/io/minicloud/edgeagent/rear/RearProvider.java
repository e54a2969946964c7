package io.minicloud.edgeagent.rear;

import io.minicloud.edgeagent.inventory.Inventory;
import io.minicloud.edgeagent.rear.auth.SelfSignedCertificate;
import io.minicloud.edgeagent.rear.auth.TokenStore;
import io.minicloud.edgeagent.rear.catalog.CatalogSettings;
import io.minicloud.edgeagent.rear.catalog.FlavorCatalog;
import io.minicloud.edgeagent.rear.contract.ContractSigner;
import io.minicloud.edgeagent.rear.http.RearListener;
import io.minicloud.edgeagent.rear.http.RearRoutes;
import io.minicloud.edgeagent.rear.http.RearServer;
import io.minicloud.edgeagent.rear.ledger.RearLedger;
import io.minicloud.edgeagent.rear.ledger.RearStore;
import io.minicloud.edgeagent.rear.provision.ContractAccess;
import io.minicloud.edgeagent.rear.provision.PendingProvisioner;
import io.minicloud.edgeagent.rear.provision.ProvisioningWorker;
import io.minicloud.edgeagent.rear.provision.VimClient;
import io.minicloud.edgeagent.rear.provision.VimSettings;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The REAR provider put together: ledger over the catalog over the inventory, the offer board, and
 * the listeners. Plain Java (Quarkus only builds it from configuration and closes it), so tests and
 * benchmarks run the real thing with {@code new}.
 */
public final class RearProvider implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RearProvider.class);

  /**
   * @param dataDir where the ledger, the signing key, the tokens and the certificate live
   * @param tls the listener certificate and key; null to use (and make) the self-signed one
   * @param clientCa CA for client certificates; null to accept bearer tokens only
   * @param sweep how often expired reservations are released and offers recomputed
   */
  public record Settings(
      RearIdentity identity,
      CatalogSettings catalog,
      List<RearListener> listeners,
      Path dataDir,
      RearServer.Tls tls,
      Path clientCa,
      Duration timeToPurchase,
      Duration contractTerm,
      Duration sweep) {}

  private final Settings settings;
  private final RearStore store;
  private final ContractSigner signer;
  private final TokenStore tokens;
  private final RearLedger ledger;
  private final OfferBoard board;
  private final RearServer server;
  private final List<Consumer<Router>> extraRoutes = new ArrayList<>();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "rear-sweep");
            t.setDaemon(true);
            return t;
          });
  private String fingerprint = "";
  private final Clock clock;
  private ContractAccess contracts;
  private ProvisioningWorker provisioning;

  public RearProvider(Settings settings, Inventory inventory, Vertx vertx, Clock clock)
      throws Exception {
    this.settings = settings;
    this.clock = clock;
    Path dir = settings.dataDir();
    this.store = new RearStore(dir.resolve("rear.db"));
    this.signer = ContractSigner.loadOrCreate(dir.resolve("rear-signing-key.pem"));
    this.tokens =
        TokenStore.loadOrCreate(dir.resolve("rear-tokens"), dir.resolve("rear-operator.token"));
    FlavorCatalog catalog = new FlavorCatalog(settings.identity(), settings.catalog(), clock);
    OfferBoard[] boardRef = new OfferBoard[1];
    this.ledger =
        new RearLedger(
            store,
            holds -> catalog.offers(inventory.snapshot(), holds),
            signer,
            new PendingProvisioner(),
            settings.identity(),
            settings.timeToPurchase(),
            settings.contractTerm(),
            clock,
            () -> boardRef[0].refresh());
    this.board = new OfferBoard(ledger::currentOffers);
    boardRef[0] = board;
    inventory.onChange(snapshot -> board.refresh());
    this.server = new RearServer(vertx);
    this.contracts = new ContractAccess(store, Optional.empty(), clock);
  }

  /**
   * Provisions K8Slice and VM purchases through minicloud-vim (a worker takes the ledger's pending
   * requests to it), and lets buyers read the credentials it issues; call before {@link #start}.
   * Without this, purchases stay pending and no credential is ever issued.
   */
  public void provisionThrough(VimSettings vim) {
    VimClient client = new VimClient(vim);
    this.contracts = new ContractAccess(store, Optional.of(client), clock);
    this.provisioning = new ProvisioningWorker(store, client, vim, clock, board::refresh);
  }

  /** The provisioning worker, when {@link #provisionThrough} was called. */
  public ProvisioningWorker provisioning() {
    return provisioning;
  }

  /** Routes other parts add to every listener (subscriptions); call before {@link #start}. */
  public void addRoutes(Consumer<Router> routes) {
    extraRoutes.add(routes);
  }

  public OfferBoard board() {
    return board;
  }

  public RearLedger ledger() {
    return ledger;
  }

  public ContractSigner signer() {
    return signer;
  }

  public RearStore store() {
    return store;
  }

  public void start() throws Exception {
    RearServer.Tls tls = settings.tls();
    Path dir = settings.dataDir();
    if (tls == null) {
      Path cert = dir.resolve("tls/rear-cert.pem");
      Path key = dir.resolve("tls/rear-key.pem");
      String host =
          settings.identity().endpoint().replaceAll(":[0-9]+$", "").replaceAll("^\\[|\\]$", "");
      fingerprint =
          SelfSignedCertificate.ensure(
              cert,
              key,
              settings.identity().nodeId(),
              List.of(host, SelfSignedCertificate.hostName()));
      tls = new RearServer.Tls(cert, key, settings.clientCa());
      LOG.infof("REAR certificate %s is self-signed; buyers pin %s", cert, fingerprint);
    } else {
      fingerprint = SelfSignedCertificate.fingerprint(tls.certificate());
    }
    board.refresh();
    server.start(
        settings.listeners(),
        tls,
        tokens,
        listener ->
            router -> {
              // extra routes first: their more specific paths (/api/v2/flavors/events) must win
              // over the REAR routes' /api/v2/flavors/:type; both come after authentication
              extraRoutes.forEach(r -> r.accept(router));
              new RearRoutes(board, ledger, signer, listener.fluidosPlain(), contracts)
                  .mount(router);
            });
    long every = Math.max(1, settings.sweep().toMillis());
    sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    if (provisioning != null) {
      provisioning.start();
    }
  }

  /** Certificate fingerprint buyers pin ({@code sha256:<hex>}). */
  public String fingerprint() {
    return fingerprint;
  }

  public Map<String, Integer> ports() {
    return server.ports();
  }

  private void sweep() {
    try {
      ledger.releaseExpired();
      board.refresh();
    } catch (RearError | RuntimeException e) {
      LOG.warnf("REAR sweep failed, retrying next time: %s", e.getMessage());
    }
  }

  @Override
  public void close() throws Exception {
    sweeper.shutdownNow();
    if (provisioning != null) {
      provisioning.close();
    }
    server.close();
    store.close();
  }
}
