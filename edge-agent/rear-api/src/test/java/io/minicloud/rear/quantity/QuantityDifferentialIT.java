package io.minicloud.rear.quantity;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.rear.peers.GoRearPeer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Our {@link Quantity} against Kubernetes' own {@code resource.Quantity} (the Go peer): for every
 * input both must accept or both reject, compute the same canonical string, and order pairs the
 * same way; and Go must read each text we write as the value we meant. A Go node reads what we
 * write and we read what it writes. Each disagreement found here is also a case in QuantityTest, so
 * the unit tier keeps it without Go.
 */
@Tag("peer")
class QuantityDifferentialIT {

  private static final int GENERATED = 22_000;
  private static final int PAIRS = 12_000;
  private static final int SHOWN = 20;

  private final List<String> disagreements = new ArrayList<>();
  private final Map<String, Integer> deliberate = new TreeMap<>();

  /** Inputs both accept with the same canonical text, and Java's text for each. */
  private final List<List<String>> written = new ArrayList<>();

  @Test
  void javaAndGoAgreeOnEveryInput() throws Exception {
    // GIVEN the corpus
    Set<String> unique = new LinkedHashSet<>(QuantityCorpus.edgeCases());
    unique.addAll(QuantityCorpus.generated(GENERATED));
    List<String> inputs = new ArrayList<>(unique);
    GoRearPeer go = GoRearPeer.get();

    // WHEN Java and Go parse every input, compare pairs, and Go reads back what Java writes
    List<String> forGo = withoutInputsThatHangGo(inputs);
    for (GoRearPeer.Result goResult : go.canonical(forGo)) {
      compareVerdicts(goResult, JavaVerdict.of(goResult.input()));
    }
    List<String> acceptedByBoth = written.stream().map(w -> w.get(0)).toList();
    List<List<String>> pairs = pairs(acceptedByBoth);
    compareOrder(go.compare(pairs));
    checkGoReadsWhatJavaWrites(go.compare(written));

    // THEN they agree everywhere but on the documented deliberate differences
    System.out.printf(
        "QuantityDifferentialIT: %d inputs (%d accepted by both), %d pairs ordered, %d Java texts"
            + " read back by Go, deliberate differences %s, %d disagreements%n",
        inputs.size(),
        acceptedByBoth.size(),
        pairs.size(),
        written.size(),
        deliberate,
        disagreements.size());
    Path report = Path.of("target", "QuantityDifferentialIT-disagreements.txt");
    Files.createDirectories(report.getParent());
    Files.write(report, disagreements);
    assertTrue(inputs.size() >= 20_000, "the corpus shrank to " + inputs.size());
    assertTrue(acceptedByBoth.size() >= 10_000, "too few valid inputs: " + acceptedByBoth.size());
    List<String> first = disagreements.subList(0, Math.min(SHOWN, disagreements.size()));
    assertTrue(
        disagreements.isEmpty(),
        disagreements.size()
            + " disagreements between Java and Go, the first "
            + first.size()
            + " (all in "
            + report
            + "):\n"
            + String.join("\n", first));
  }

  /** Inputs Go may never finish on are not sent; Java must reject them. */
  private List<String> withoutInputsThatHangGo(List<String> inputs) {
    List<String> forGo = new ArrayList<>();
    for (String input : inputs) {
      if (!QuantityDeliberateDifferences.mayHangGo(input)) {
        forGo.add(input);
      } else if (JavaVerdict.of(input).ok()) {
        disagreements.add(show(input) + ": Java accepts an exponent Go wraps or hangs on");
      } else {
        deliberate.merge("exponent Go hangs on", 1, Integer::sum);
      }
    }
    return forGo;
  }

  private void compareVerdicts(GoRearPeer.Result go, JavaVerdict java) {
    String input = go.input();
    String excuse = QuantityDeliberateDifferences.explain(go, java.ok());
    if (excuse == null && java.ok() && go.ok() && !java.text().equals(go.canonical())) {
      excuse = QuantityDeliberateDifferences.explainCanonical(go, Quantity.parse(input));
    }
    if (excuse != null) {
      deliberate.merge(excuse, 1, Integer::sum);
    } else if (java.ok() != go.ok()) {
      disagreements.add(
          show(input)
              + ": Go "
              + (go.ok() ? "accepts as " + go.canonical() : "rejects (" + go.error() + ")")
              + ", Java "
              + (java.ok() ? "accepts as " + java.text() : "rejects (" + java.text() + ")"));
    } else if (java.ok() && !java.text().equals(go.canonical())) {
      disagreements.add(show(input) + ": Go writes " + go.canonical() + ", Java " + java.text());
    } else if (java.ok()) {
      written.add(List.of(input, java.text()));
    }
  }

  private void compareOrder(List<GoRearPeer.Comparison> comparisons) {
    for (GoRearPeer.Comparison cmp : comparisons) {
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
  }

  /** Java's canonical text, parsed by Go, must be the very value Go parsed from the input. */
  private void checkGoReadsWhatJavaWrites(List<GoRearPeer.Comparison> comparisons) {
    for (GoRearPeer.Comparison cmp : comparisons) {
      if (!cmp.ok() || cmp.sign() != 0) {
        disagreements.add(
            show(cmp.left())
                + ": Java writes "
                + cmp.right()
                + ", which Go reads as a different value ("
                + (cmp.ok() ? "Cmp " + cmp.sign() : cmp.error())
                + ")");
      }
    }
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
      String right = random.nextInt(10) == 0 ? left : accepted.get(random.nextInt(accepted.size()));
      pairs.add(List.of(left, right));
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
