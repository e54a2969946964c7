package io.minicloud.rear.quantity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.rear.peers.GoRearPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Our {@link Quantity} against Kubernetes' own {@code resource.Quantity} (the Go peer): for every
 * input both must accept or both reject, print the same canonical string, and order pairs the same
 * way, because a Go node reads what we write and we read what it writes. Each disagreement found
 * here is also a case in QuantityTest, so the unit tier keeps it without Go.
 */
@Tag("peer")
class QuantityDifferentialIT {

  private static final int GENERATED = 22_000;
  private static final int PAIRS = 12_000;
  private static final int SHOWN = 20;

  @Test
  void javaAndGoAgreeOnEveryInput() throws Exception {
    // GIVEN the corpus and Go's verdict on each input
    Set<String> unique = new LinkedHashSet<>(QuantityCorpus.edgeCases());
    unique.addAll(QuantityCorpus.generated(GENERATED));
    List<String> inputs = new ArrayList<>(unique);
    List<String> disagreements = new ArrayList<>();
    int deliberate = 0;
    List<String> forGo = new ArrayList<>();
    for (String input : inputs) {
      if (!QuantityDeliberateDifferences.mayHangGo(input)) {
        forGo.add(input);
      } else if (JavaVerdict.of(input).ok()) {
        disagreements.add(show(input) + ": Java accepts an exponent Go wraps or hangs on");
      } else {
        deliberate++;
      }
    }
    GoRearPeer go = GoRearPeer.get();
    List<GoRearPeer.Result> goResults = go.canonical(forGo);

    // WHEN Java parses the same inputs
    List<String> acceptedByBoth = new ArrayList<>();
    for (GoRearPeer.Result goResult : goResults) {
      JavaVerdict java = JavaVerdict.of(goResult.input());
      String difference = QuantityDeliberateDifferences.explain(goResult, java.ok());
      if (difference != null) {
        deliberate++;
        continue;
      }
      if (java.ok() != goResult.ok()) {
        disagreements.add(
            show(goResult.input())
                + ": Go "
                + (goResult.ok() ? "accepts as " + goResult.canonical() : "rejects")
                + ", Java "
                + (java.ok() ? "accepts as " + java.text() : "rejects (" + java.text() + ")"));
      } else if (java.ok()
          && !java.text().equals(goResult.canonical())
          && QuantityDeliberateDifferences.explainCanonical(
                  goResult, Quantity.parse(goResult.input()))
              != null) {
        deliberate++;
      } else if (java.ok() && !java.text().equals(goResult.canonical())) {
        disagreements.add(
            show(goResult.input())
                + ": Go writes "
                + goResult.canonical()
                + ", Java "
                + java.text());
      } else if (java.ok()) {
        acceptedByBoth.add(goResult.input());
      }
    }
    // AND both order pairs of accepted inputs
    List<List<String>> pairs = pairs(acceptedByBoth);
    for (GoRearPeer.Comparison cmp : go.compare(pairs)) {
      int javaSign =
          Integer.signum(Quantity.parse(cmp.left()).compareTo(Quantity.parse(cmp.right())));
      if (!cmp.ok() || cmp.sign() != javaSign) {
        disagreements.add(
            "compare("
                + show(cmp.left())
                + ", "
                + show(cmp.right())
                + "): Go "
                + (cmp.ok() ? cmp.sign() : cmp.error())
                + ", Java "
                + javaSign);
      }
    }

    // THEN they agree everywhere but on the documented deliberate differences
    System.out.printf(
        "QuantityDifferentialIT: %d inputs (%d accepted by both, %d deliberate differences),"
            + " %d pairs compared, %d disagreements%n",
        inputs.size(), acceptedByBoth.size(), deliberate, pairs.size(), disagreements.size());
    Path report = Path.of("target", "QuantityDifferentialIT-disagreements.txt");
    Files.createDirectories(report.getParent());
    Files.write(report, disagreements);
    assertTrue(inputs.size() >= 20_000, "the corpus shrank to " + inputs.size());
    assertTrue(
        disagreements.isEmpty(),
        disagreements.size()
            + " disagreements between Java and Go, the first "
            + Math.min(SHOWN, disagreements.size())
            + " (all in "
            + report
            + "):\n"
            + String.join("\n", disagreements.subList(0, Math.min(SHOWN, disagreements.size()))));
  }

  /** Random pairs, plus each input against its neighbour (similar magnitudes sit together). */
  private static List<List<String>> pairs(List<String> accepted) {
    Random random = new Random(QuantityCorpus.SEED);
    List<List<String>> pairs = new ArrayList<>();
    for (int i = 0; i + 1 < accepted.size() && pairs.size() < PAIRS / 2; i++) {
      pairs.add(List.of(accepted.get(i), accepted.get(i + 1)));
    }
    while (pairs.size() < PAIRS && !accepted.isEmpty()) {
      String left = accepted.get(random.nextInt(accepted.size()));
      pairs.add(
          List.of(
              left,
              random.nextInt(10) == 0 ? left : accepted.get(random.nextInt(accepted.size()))));
    }
    return pairs;
  }

  private static String show(String input) {
    StringBuilder out = new StringBuilder("'");
    for (char c : input.toCharArray()) {
      out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return out.append('\'').toString();
  }

  /** Java's answer for one input: the canonical text, or the rejection message. */
  private record JavaVerdict(boolean ok, String text) {
    static JavaVerdict of(String input) {
      try {
        return new JavaVerdict(true, Quantity.parse(input).toString());
      } catch (QuantityFormatException e) {
        return new JavaVerdict(false, e.getMessage());
      }
    }
  }
}
