package io.minicloud.edgeagent.rear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.edgeagent.rear.contract.ContractSigner;
import io.minicloud.edgeagent.rear.ledger.RearStore;
import io.minicloud.rear.contract.ContractSignatures;
import io.minicloud.rear.model.Contract;
import io.minicloud.rear.model.RearJson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} during purchases: a child JVM buys in a loop and is killed with SIGKILL at a
 * random moment, five times over the same ledger. After each kill every contract exists whole
 * (signed, with its provisioning request, its reservation marked purchased) or not at all, and
 * every purchase the child saw return is there.
 */
@Tag("peer") // a child JVM and real SIGKILLs: the process tier, not the unit tier
class PurchaseCrashIT {

  @TempDir Path dir;

  @Test
  void aKilledPurchaseLeavesAWholeContractOrNone() throws Exception {
    Random random = new Random();
    Set<String> confirmed = new HashSet<>();
    for (int round = 0; round < 5; round++) {
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  CrashingBuyer.class.getName(),
                  dir.toString(),
                  String.valueOf(round * 1_000_000L))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      int killAfter = 3 + random.nextInt(40);
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        int seen = 0;
        while (seen < killAfter && (line = out.readLine()) != null) {
          if (line.startsWith("PURCHASED ")) {
            confirmed.add(line.substring(10));
            seen++;
          }
        }
        assertEquals(killAfter, seen, "the buyer stopped before it was killed");
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, mid-transaction or not
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      }
      check(confirmed);
    }
  }

  private void check(Set<String> confirmed) throws Exception {
    try (RearStore store = new RearStore(dir.resolve("rear.db"))) {
      Map<String, Long> counts = store.counts();
      assertEquals(counts.get("contracts"), counts.get("provisioning"), counts.toString());
      assertEquals(counts.get("contracts"), counts.get("purchased"), counts.toString());
      assertTrue(counts.get("contracts") >= confirmed.size(), counts + " < " + confirmed.size());
      ContractSigner signer = ContractSigner.loadOrCreate(dir.resolve("signing-key.pem"));
      for (String body : store.contracts()) {
        Contract c = RearJson.mapper().readValue(body, Contract.class);
        ContractSignatures.verify(c, signer.publicKey());
      }
      for (String tx : confirmed) {
        assertTrue(store.contractOf(tx).isPresent(), "purchase " + tx + " returned but is gone");
      }
    }
  }
}
