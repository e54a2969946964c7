package io.minicloud.mapper.coap.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkFormatParserTest {
  /** libcoap 4.3.1's coap-server-openssl, byte for byte. */
  private static final String LIBCOAP =
      "</>;title=\"General Info\";ct=0,</time>;if=\"clock\";rt=\"ticks\";title=\"Internal Clock\";ct=0;obs,"
          + "</async>;ct=0,</example_data>;title=\"Example Data\";ct=0;obs";

  @Test
  void libcoapsDocumentParses() {
    List<WebLink> links = LinkFormatParser.parse(LIBCOAP);
    assertEquals(4, links.size());
    WebLink time = links.get(1);
    assertEquals("/time", time.target());
    assertTrue(time.has("obs"));
    assertEquals(List.of("ticks"), time.tokens("rt"));
    assertEquals("Internal Clock", time.first("title").orElseThrow());
  }

  @Test
  void quotedValuesKeepSeparatorsAndEscapesAndListsSplit() {
    List<WebLink> links =
        LinkFormatParser.parse(
            "</a>;title=\"x, y; \\\"z\\\"\";rt=\"temp sensor\";ct=\"0 50\" ,\n </b>");
    assertEquals(2, links.size());
    assertEquals("x, y; \"z\"", links.get(0).first("title").orElseThrow());
    assertEquals(List.of("temp", "sensor"), links.get(0).tokens("rt"));
    assertEquals(List.of("0", "50"), links.get(0).tokens("ct"));
  }

  @Test
  void emptyDocumentHasNoLinks() {
    assertEquals(List.of(), LinkFormatParser.parse(""));
    assertEquals(List.of(), LinkFormatParser.parse("  \n"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<",
        "</a",
        "</a>;",
        "</a>;=x",
        "</a>;t=\"open",
        "</a>;t=\"x\\",
        "</a>,",
        "</a> </b>",
        "/a",
        "</a>;title=\"x\"junk",
        "<//a b>",
        "</a>\u0000",
        "</a>;\u0007=1",
        ",</a>",
        "</a>;ct=0;;",
        "</a<b>"
      })
  void malformedAndTruncatedDocumentsAreRefusedWithAPosition(String text) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> LinkFormatParser.parse(text));
    assertTrue(e.getMessage().contains("position"), e.getMessage());
  }

  @Test
  void limitsBoundTheWork() {
    assertThrows(
        IllegalArgumentException.class, () -> LinkFormatParser.parse("</a>,".repeat(20_000)));
    assertThrows(
        IllegalArgumentException.class,
        () -> LinkFormatParser.parse(String.join(",", java.util.Collections.nCopies(600, "</a>"))));
    assertThrows(
        IllegalArgumentException.class, () -> LinkFormatParser.parse("</a>" + ";x".repeat(40)));
    assertThrows(
        IllegalArgumentException.class,
        () -> LinkFormatParser.parse("</a>;title=\"" + "y".repeat(2000) + "\""));
  }

  @Test
  void everyTruncationOfAValidDocumentEndsInLinksOrARefusal() {
    for (int len = 0; len <= LIBCOAP.length(); len++) {
      String prefix = LIBCOAP.substring(0, len);
      try {
        LinkFormatParser.parse(prefix);
      } catch (IllegalArgumentException refused) {
        // the only failure allowed
      }
    }
  }

  @Test
  void randomGarbageNeverEscapesAsAnotherExceptionAndIsFast() {
    Random random = new Random(7);
    String alphabet = "<>;=,\"\\/ abcXYZ019\n\t";
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          for (int i = 0; i < 5000; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(200);
            for (int j = 0; j < n; j++) {
              s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
              LinkFormatParser.parse(s.toString());
            } catch (IllegalArgumentException refused) {
              // fine
            }
          }
        });
  }
}
