package io.minicloud.rear.quantity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Inputs for the Java/Go quantity comparison: hand-picked edge cases, then strings generated from
 * the quantity grammar (mostly valid, with the mistakes people and programs make) and random
 * garbage over the characters the scanner cares about. Seeded, so a failure reproduces.
 */
final class QuantityCorpus {

  static final long SEED = 20261123L;

  private static final String[] SUFFIXES = {
    "", "", "", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"
  };
  private static final String[] WRONG_SUFFIXES = {
    "K", "ki", "KI", "Kb", "mi", "Zi", "Z", "Y", "B", "i", "e", "E+", "e-", "EE", "mm", "kM", "iK"
  };
  private static final String GARBAGE_CHARS = "0123456789000.....++--eEinumkKMGTPi \t\n_x,/١２";

  private QuantityCorpus() {}

  /** The hand-picked inputs: QuantityTest's forms, the node's figures and the edge cases. */
  static List<String> edgeCases() {
    List<String> cases = new ArrayList<>();
    // QuantityTest's valid forms and the FLUIDOS node's figures (INTEROP.md §3.3)
    cases.addAll(
        List.of(
            "7485m",
            "15838384Ki",
            "110",
            "95Gi",
            "100Mi",
            "0",
            "1000m",
            "1500m",
            "1.5",
            "0.5Gi",
            "1024",
            "2000",
            "1Ki",
            "1536",
            "1.5Ki",
            "2048Ki",
            "0.1m",
            "1n",
            "0.0000000001",
            "-0.0000000001",
            "1e3",
            "1E3",
            "12e6",
            "1e-3",
            "100e-2",
            "1E",
            "1000E",
            "-1500m",
            "+5",
            "007",
            "1.G",
            "0.5Ki",
            "1.1Ki"));
    // QuantityTest's rejected forms
    cases.addAll(
        List.of(
            "",
            " 1",
            "1 ",
            "1Kb",
            "1K",
            "ki",
            "1.2.3",
            "1e",
            "1e+",
            "--1",
            "1Gi5",
            "abc",
            "1e99999999999",
            "1\u0000",
            "Ei"));
    // signs, zeros, fractions, lone punctuation
    cases.addAll(
        List.of(
            "-0",
            "+0",
            "-",
            "+",
            "+-1",
            "-+1",
            "00",
            "000000000000000000000001",
            "-007k",
            "0.000",
            "00.5",
            ".5",
            "1.",
            ".",
            "-.5",
            "+.5",
            "..5",
            "5..",
            "1.e3",
            ".e3",
            "-.",
            "0.1234567891234",
            "1.0000000001",
            "0.0000000005",
            "-0.0000000005",
            "1.999999999999",
            "123456789.123456789",
            "0.000000000000000000001",
            "3.14159265358979323846264338"));
    // every suffix, alone and on a number, and exponents
    for (String suffix : SUFFIXES) {
      cases.add(suffix);
      cases.add("1" + suffix);
      cases.add("-3" + suffix);
      cases.add("1.5" + suffix);
      cases.add("1024" + suffix);
      cases.add("0.001" + suffix);
    }
    for (String suffix : WRONG_SUFFIXES) {
      cases.add("1" + suffix);
    }
    cases.addAll(
        List.of(
            "Mi",
            "m",
            "k",
            "1e0",
            "1e+3",
            "1E-3",
            "1e-9",
            "1e-10",
            "1e-12",
            "5e-10",
            "1e18",
            "1e19",
            "1e21",
            "1e+0",
            "1e00003",
            "1e1000",
            "1e-1000",
            "1e1001",
            "1e0000000000003",
            ".5Ki",
            "5.Ki",
            ".Ki",
            "1e2147483647",
            "1e2147483648",
            "1e-2147483648",
            "1e9223372036854775807",
            "1e9223372036854775808",
            "1ee3",
            "1e3e3",
            "1e3.5",
            "1e3m",
            "1m3",
            "1mE",
            "1.5e",
            "e3",
            "E3",
            "-e3"));
    // near int64 and 2^63 for binary
    cases.addAll(
        List.of(
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "999999999999999999",
            "1000000000000000000",
            "99999999999999999999",
            "9223372036854775807m",
            "9223372036854775807k",
            "922337203685477580.7",
            "9223372036854775.807k",
            "92233720368547758070n",
            "7Ei",
            "8Ei",
            "-8Ei",
            "7.999Ei",
            "8191Pi",
            "8192Pi",
            "9223372036854775807Ki",
            "8589934591Gi",
            "8589934592Gi",
            "9007199254740993Ki",
            "4611686018427387904",
            "4611686018427387904Ki",
            "1152921504606846976",
            "1152921504606846975Ki",
            "100Ei",
            "1e19Ki",
            "16Ei",
            "0.5Ei"));
    // whitespace and non-ASCII digits
    cases.addAll(
        List.of(
            "\t1",
            "1\t",
            "1\n",
            "\n",
            " ",
            "1 Mi",
            "1\u00a0",
            "\u00a01",
            "\u0661\u0662",
            "\uff11\uff12",
            "1\u0665",
            "\u00b2",
            "1\u00b5",
            "1µ",
            "1\u2009Gi",
            "1Mi\u200b"));
    return cases;
  }

  /**
   * Pieces whose joins make the scanner's hard cases: numbers meeting signs, dots, suffixes and
   * exponents in every order, and figures at the int64 edge.
   */
  private static final String[] TOKENS = {
    "0",
    "00",
    "1",
    "9",
    ".",
    "+",
    "-",
    "e",
    "E",
    "e-",
    "e+",
    "Ki",
    "Mi",
    "Gi",
    "Ti",
    "Pi",
    "Ei",
    "n",
    "u",
    "m",
    "k",
    "M",
    "G",
    "T",
    "P",
    "123456789",
    "999999999999999999",
    "9223372036854775807",
    "1024",
    "0.0"
  };

  /** {@code count} generated inputs: 60 % from the grammar, 20 % joined tokens, 20 % garbage. */
  static List<String> generated(int count) {
    Random random = new Random(SEED);
    Set<String> out = new LinkedHashSet<>();
    while (out.size() < count) {
      int kind = random.nextInt(5);
      out.add(kind < 3 ? grammar(random) : kind == 3 ? tokens(random) : garbage(random));
    }
    return new ArrayList<>(out);
  }

  private static String tokens(Random random) {
    StringBuilder s = new StringBuilder();
    int count = 1 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      s.append(TOKENS[random.nextInt(TOKENS.length)]);
    }
    return s.toString();
  }

  private static String grammar(Random random) {
    StringBuilder s = new StringBuilder();
    switch (random.nextInt(6)) {
      case 0 -> s.append('-');
      case 1 -> s.append('+');
      default -> {}
    }
    s.append("0".repeat(random.nextInt(8) == 0 ? random.nextInt(4) : 0));
    int whole = random.nextInt(10) == 0 ? 15 + random.nextInt(8) : random.nextInt(6);
    digits(random, s, whole);
    if (random.nextInt(3) == 0) {
      s.append('.');
      digits(random, s, random.nextInt(10) == 0 ? 10 + random.nextInt(12) : random.nextInt(5));
    }
    int kind = random.nextInt(20);
    if (kind < 14) {
      s.append(SUFFIXES[random.nextInt(SUFFIXES.length)]);
    } else if (kind < 18) {
      s.append(random.nextBoolean() ? 'e' : 'E');
      switch (random.nextInt(4)) {
        case 0 -> s.append('-');
        case 1 -> s.append('+');
        default -> {}
      }
      digits(random, s, random.nextInt(4));
    } else {
      s.append(WRONG_SUFFIXES[random.nextInt(WRONG_SUFFIXES.length)]);
    }
    if (random.nextInt(40) == 0) {
      s.insert(random.nextInt(s.length() + 1), GARBAGE_CHARS.charAt(random.nextInt(40)));
    }
    return s.toString();
  }

  private static String garbage(Random random) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      s.append(GARBAGE_CHARS.charAt(random.nextInt(GARBAGE_CHARS.length())));
    }
    return s.toString();
  }

  private static void digits(Random random, StringBuilder s, int count) {
    for (int i = 0; i < count; i++) {
      s.append((char) ('0' + random.nextInt(10)));
    }
  }
}
