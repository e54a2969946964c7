package io.minicloud.edgeagent.rear.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minicloud.edgeagent.rear.RearError;
import io.minicloud.edgeagent.rear.RearIdentity;
import io.minicloud.edgeagent.rear.catalog.FlavorIds;
import io.minicloud.edgeagent.rear.catalog.Held;
import io.minicloud.edgeagent.rear.catalog.Offer;
import io.minicloud.edgeagent.rear.contract.ContractSigner;
import io.minicloud.edgeagent.rear.provision.Provisioner;
import io.minicloud.rear.model.Configuration;
import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.NodeIdentity;
import io.minicloud.rear.model.PurchaseRequest;
import io.minicloud.rear.model.RearJson;
import io.minicloud.rear.model.ReserveRequest;
import io.minicloud.rear.model.Transaction;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reserve and purchase, with no overbooking: each runs under one lock, re-reads what is held from
 * the store, and checks the demand against the offer computed from those holds before writing. A
 * reservation holds its part of the pool until its time to purchase passes; re-reserving by the
 * same buyer extends it; purchasing twice returns the same contract.
 */
public final class RearLedger {

  private static final Logger LOG = Logger.getLogger(RearLedger.class);
  private static final ObjectMapper JSON = RearJson.mapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final RearStore store;
  private final OfferSource offers;
  private final ContractSigner signer;
  private final Provisioner provisioner;
  private final RearIdentity identity;
  private final Duration timeToPurchase;
  private final Duration contractTerm;
  private final Clock clock;
  private final Runnable onChange;

  public RearLedger(
      RearStore store,
      OfferSource offers,
      ContractSigner signer,
      Provisioner provisioner,
      RearIdentity identity,
      Duration timeToPurchase,
      Duration contractTerm,
      Clock clock,
      Runnable onChange) {
    this.store = store;
    this.offers = offers;
    this.signer = signer;
    this.provisioner = provisioner;
    this.identity = identity;
    this.timeToPurchase = timeToPurchase;
    this.contractTerm = contractTerm;
    this.clock = clock;
    this.onChange = onChange;
  }

  /** The offers as they stand now, with every active hold taken out. */
  public List<Offer> currentOffers() throws RearError {
    try {
      return offers.offers(store.holds(clock.instant()));
    } catch (SQLException e) {
      throw storeFailure("read the holds", e);
    }
  }

  public Transaction reserve(ReserveRequest request, String principal) throws RearError {
    ReserveChecks.validate(request);
    Transaction transaction;
    synchronized (this) {
      transaction = reserveLocked(request, principal);
    }
    onChange.run();
    return transaction;
  }

  private Transaction reserveLocked(ReserveRequest request, String principal) throws RearError {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    NodeIdentity buyer = request.buyer().withoutSecrets();
    try {
      Map<String, Held> holds = store.holds(now);
      Offer offer = find(offers.offers(holds), request.flavorId());
      Optional<StoredReservation> existing =
          store.activeReservation(request.flavorId(), buyer.id(), now);
      if (existing.isPresent()) {
        StoredReservation r = existing.get();
        if (!r.principal().equals(principal)) {
          throw new RearError(
              403,
              "flavor "
                  + request.flavorId()
                  + " is reserved by buyer "
                  + buyer.id()
                  + " under another identity");
        }
        store.extend(r.transactionId(), now.plus(timeToPurchase));
        return transaction(r.withExpiry(now.plus(timeToPurchase)));
      }
      Demand demand = Demand.of(offer, request.configuration());
      long unitsHeld = holds.getOrDefault(offer.pool(), Held.NOTHING).units();
      if (!offer.flavor().availability() || !demand.fits(offer, unitsHeld)) {
        throw new RearError(
            409,
            "flavor "
                + offer.id()
                + " has no room left for this reservation"
                + room(offer, demand));
      }
      String clusterId =
          buyer.liqoId() != null && !buyer.liqoId().isBlank() ? buyer.liqoId() : buyer.id();
      StoredReservation r =
          new StoredReservation(
              newTransactionId(now),
              offer.id(),
              offer.pool(),
              buyer.id(),
              principal,
              JSON.writeValueAsString(buyer),
              clusterId,
              request.configuration() == null
                  ? null
                  : JSON.writeValueAsString(request.configuration()),
              demand.resources(),
              demand.units(),
              now.plus(timeToPurchase),
              StoredReservation.RESERVED,
              now);
      store.insert(r);
      LOG.infof(
          "reserved %s for buyer %s (%s) until %s",
          offer.id(), buyer.id(), principal, r.expiresAt());
      return transaction(r);
    } catch (SQLException e) {
      throw storeFailure("reserve", e);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a reservation does not serialise", e);
    }
  }

  public Contract purchase(String transactionId, PurchaseRequest request, String principal)
      throws RearError {
    if (!FlavorIds.isDnsSubdomain(transactionId)) {
      throw RearError.badRequest(
          "transactionID",
          "transaction id '" + printable(transactionId) + "' is not a DNS-1123 name");
    }
    Contract contract;
    boolean created;
    synchronized (this) {
      Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
      try {
        StoredReservation r =
            store
                .reservation(transactionId)
                .orElseThrow(
                    () -> new RearError(404, "transaction " + transactionId + " not found"));
        if (!r.principal().equals(principal)) {
          throw new RearError(
              403, "transaction " + transactionId + " was reserved under another identity");
        }
        Optional<String> done = store.contractOf(transactionId);
        if (done.isPresent()) {
          return JSON.readValue(done.get(), Contract.class);
        }
        if (!r.holds(now)) {
          throw new RearError(
              408,
              "transaction "
                  + transactionId
                  + " expired at "
                  + RearJson.time(r.expiresAt())
                  + "; reserve again");
        }
        Offer offer = findOrNull(offers.offers(store.holds(now)), r.flavorId());
        if (offer == null) {
          throw new RearError(
              409, "flavor " + r.flavorId() + " is no longer offered (its capacity disappeared)");
        }
        contract = buildContract(r, offer, request, now);
        Provisioner.ProvisioningRequest plan = provisioner.plan(contract);
        Map<String, String> extra = new LinkedHashMap<>(contract.extraInformation());
        extra.put("provisioning", "pending");
        extra.put("provisioningTarget", plan.target());
        extra.put("provisioningDetail", plan.detail());
        contract = signer.sign(contract.withExtraInformation(extra));
        store.purchase(
            r,
            contract.contractId(),
            JSON.writeValueAsString(contract),
            plan.target(),
            plan.detail(),
            now);
        created = true;
        LOG.infof(
            "sold %s to buyer %s: contract %s, provisioning pending at %s",
            r.flavorId(), r.buyerId(), contract.contractId(), plan.target());
      } catch (SQLException e) {
        throw storeFailure("purchase", e);
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException("cannot build or sign contract for " + transactionId, e);
      }
    }
    if (created) {
      onChange.run();
    }
    return contract;
  }

  /** Releases reservations whose time to purchase has passed; returns how many. */
  public int releaseExpired() throws RearError {
    int released;
    try {
      released = store.releaseExpired(clock.instant());
    } catch (SQLException e) {
      throw storeFailure("release expired reservations", e);
    }
    if (released > 0) {
      onChange.run();
    }
    return released;
  }

  private Contract buildContract(
      StoredReservation r, Offer offer, PurchaseRequest request, Instant now) throws IOException {
    NodeIdentity buyer = JSON.readValue(r.buyerJson(), NodeIdentity.class);
    Configuration configuration =
        r.configurationJson() == null
            ? null
            : JSON.readValue(r.configurationJson(), Configuration.class);
    String contractId =
        "contract-" + r.flavorId().replace('.', '-') + "-" + FlavorIds.hex(r.transactionId(), 8);
    return new Contract(
        contractId,
        r.transactionId(),
        offer.flavor().asContractCopy(),
        buyer,
        r.clusterId(),
        identity.asOwner(),
        null,
        now.plus(contractTerm),
        new LinkedHashMap<>(),
        configuration,
        null,
        request == null ? null : request.ingressTelemetryEndpoint());
  }

  private static Transaction transaction(StoredReservation r) throws JsonProcessingException {
    return new Transaction(
        r.transactionId(),
        r.flavorId(),
        r.configurationJson() == null
            ? null
            : JSON.readValue(r.configurationJson(), Configuration.class),
        JSON.readValue(r.buyerJson(), NodeIdentity.class),
        r.clusterId(),
        r.expiresAt());
  }

  private static Offer find(List<Offer> offers, String flavorId) throws RearError {
    Offer offer = findOrNull(offers, flavorId);
    if (offer == null) {
      throw new RearError(404, "flavor " + flavorId + " not found");
    }
    return offer;
  }

  private static Offer findOrNull(List<Offer> offers, String flavorId) {
    for (Offer o : offers) {
      if (o.id().equals(flavorId)) {
        return o;
      }
    }
    return null;
  }

  private static String room(Offer offer, Demand demand) {
    if (offer.maxUnits() >= 0) {
      return " (all " + offer.maxUnits() + " places are held)";
    }
    return " (asked cpu "
        + demand.resources().cpu()
        + ", memory "
        + demand.resources().memory()
        + ", pods "
        + demand.resources().pods()
        + "; free cpu "
        + offer.free().cpu()
        + ", memory "
        + offer.free().memory()
        + ", pods "
        + offer.free().pods()
        + ")";
  }

  /** The node's format: 32 hex digits, a dash, the Unix time in nanoseconds. */
  private static String newTransactionId(Instant now) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random)
        + "-"
        + (now.getEpochSecond() * 1_000_000_000L
            + Math.floorMod(System.nanoTime(), 1_000_000_000L));
  }

  private static String printable(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 80 ? s.substring(0, 80) + "..." : s.replaceAll("[^\\x20-\\x7e]", "?");
  }

  private RearError storeFailure(String what, SQLException e) {
    LOG.errorf("REAR ledger %s: cannot %s: %s", store.file(), what, e.getMessage());
    return new RearError(
        500, "the provider cannot " + what + " right now (its ledger failed); retry later");
  }
}
