package io.minicloud.edgeagent.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QueryParserTest {

  private static QueryException refused(Attributes<?> kind, String... terms) {
    return assertThrows(QueryException.class, () -> QueryParser.parse(kind, List.of(terms)));
  }

  @Test
  void anUnknownAttributeIsNamed() {
    var e = refused(Attributes.NODE, "cpu>=1", "colour=blue");
    assertTrue(e.getMessage().contains("unknown node attribute 'colour'"), e.getMessage());
    assertEquals("colour=blue", e.term());
    assertEquals(0, e.position());
  }

  @Test
  void anOperatorTheAttributeDoesNotTakeIsRefused() {
    var e = refused(Attributes.NODE, "architecture>=arm64");
    assertTrue(e.getMessage().contains("only = applies"), e.getMessage());
    assertEquals(12, e.position());
    assertTrue(refused(Attributes.NODE, "kvm=yes").getMessage().contains("=true or =false"));
    assertTrue(refused(Attributes.DEVICE, "online<true").getMessage().contains("only ="));
  }

  @Test
  void aBadQuantityIsRefusedAtItsPosition() {
    var e = refused(Attributes.NODE, "memory>=2GB");
    assertTrue(e.getMessage().contains("bad quantity '2GB'"), e.getMessage());
    assertEquals(8, e.position());
    assertTrue(refused(Attributes.NODE, "cpu=4..1").getMessage().contains("empty range"));
    assertTrue(refused(Attributes.NODE, "cpu=1..").getMessage().contains("missing quantity"));
  }

  @Test
  void emptyOverlongAndTooManyTermsAreRefused() {
    assertTrue(refused(Attributes.NODE, "").getMessage().contains("empty"));
    assertTrue(refused(Attributes.NODE, "cpu").getMessage().contains("no operator"));
    assertTrue(refused(Attributes.NODE, ">=1").getMessage().contains("no attribute"));
    assertTrue(refused(Attributes.NODE, "cpu>=").getMessage().contains("no value"));
    assertTrue(
        refused(Attributes.NODE, "cpu!=1").getMessage().contains("unexpected character '!'"));
    var overlong = refused(Attributes.NODE, "board=" + "x".repeat(300));
    assertTrue(overlong.getMessage().contains("longer than 256"));
    assertTrue(overlong.term().length() <= QueryException.MAX_ECHO + 3);
    List<String> many = new ArrayList<>(Collections.nCopies(33, "cpu>=1"));
    var tooMany =
        assertThrows(QueryException.class, () -> QueryParser.parse(Attributes.NODE, many));
    assertTrue(tooMany.getMessage().contains("more than 32"));
  }

  @Test
  void controlCharactersAreNotEchoed() {
    var e = refused(Attributes.NODE, "bo\u0000ard=x");
    assertTrue(e.term().indexOf('\u0000') < 0, e.term());
  }

  @Test
  void fuzzedTermsNeverThrowAnythingButQueryException() {
    // 10 000 random terms built from the characters a term is made of, plus noise
    String alphabet = "cpumemorygk.=<>!/ .._-0123456789eEiKMGTPmnu+-\u0000\u00e9°\"{}";
    Random random = new Random(20261123L);
    int parsed = 0;
    int refused = 0;
    for (int i = 0; i < 10_000; i++) {
      StringBuilder term = new StringBuilder();
      String[] seeds = {"cpu", "memory", "allocatable.memory", "kvm", "gpu.model", "label.a/b", ""};
      term.append(seeds[random.nextInt(seeds.length)]);
      if (random.nextBoolean()) {
        // half well-formed-looking: an operator, then a value-like tail that may still be wrong
        String[] ops = {"=", "<", "<=", ">", ">="};
        String[] values = {"1", "2Gi", "500m", "1..4", "true", "1e3", "0.5", "x", "Jetson Orin"};
        term.append(ops[random.nextInt(ops.length)]).append(values[random.nextInt(values.length)]);
      }
      int length = random.nextInt(random.nextInt(10) == 0 ? 400 : random.nextBoolean() ? 3 : 24);
      for (int j = 0; j < length; j++) {
        term.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      Attributes<?> kind =
          List.of(Attributes.NODE, Attributes.DEVICE, Attributes.SERVICE).get(i % 3);
      try {
        QueryParser.parse(kind, List.of(term.toString())).run(QueryTest.SNAPSHOT);
        parsed++;
      } catch (QueryException e) {
        refused++;
        assertTrue(e.position() >= 0, "position of " + term);
      }
    }
    // both outcomes occur, so the fuzzer reaches past the first checks
    assertTrue(parsed > 100, "parsed " + parsed);
    assertTrue(refused > 100, "refused " + refused);
  }
}
