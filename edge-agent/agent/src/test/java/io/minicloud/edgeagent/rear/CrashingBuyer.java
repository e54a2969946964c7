package io.minicloud.edgeagent.rear;

import io.minicloud.rear.model.Configuration;
import io.minicloud.rear.model.ReserveRequest;
import io.minicloud.rear.model.Transaction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A child JVM for {@link PurchaseCrashIT}: reserves and purchases in a tight loop on a ledger in
 * {@code args[0]}, printing {@code PURCHASED <transactionID>} after each purchase returned (so
 * after its commit), until it is killed with SIGKILL at an arbitrary point.
 */
public final class CrashingBuyer {

  private CrashingBuyer() {}

  public static void main(String[] args) throws Exception {
    RearTestKit kit =
        new RearTestKit(
            Path.of(args[0]),
            RearTestKit.snapshot(
                List.of(RearTestKit.node("big", "100000", "100000Gi", "1000000")), false));
    String flavor =
        kit.ledger.currentOffers().stream()
            .filter(o -> o.type().equals("k8slice"))
            .findFirst()
            .orElseThrow()
            .id();
    Configuration slice =
        Configuration.of("k8slice", Map.of("cpu", "500m", "memory", "256Mi", "pods", "1"));
    for (long i = Long.parseLong(args[1]); ; i++) {
      Transaction t =
          kit.ledger.reserve(new ReserveRequest(flavor, RearTestKit.buyer("b" + i), slice), "p");
      kit.ledger.purchase(t.transactionId(), null, "p");
      System.out.println("PURCHASED " + t.transactionId());
      System.out.flush();
    }
  }
}
