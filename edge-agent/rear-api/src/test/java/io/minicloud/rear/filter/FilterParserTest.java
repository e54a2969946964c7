package io.minicloud.rear.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.rear.model.Flavor;
import io.minicloud.rear.model.RearFixtures;
import io.minicloud.rear.model.RearJson;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterParserTest {

  private static List<Flavor> flavors;

  @BeforeAll
  static void load() throws IOException {
    flavors =
        Arrays.asList(
            RearJson.mapper()
                .readValue(RearFixtures.read("list-flavors-response.json"), Flavor[].class));
  }

  private static List<String> selected(String type, String query) {
    FlavorFilter filter = FilterParser.parse(type, query);
    return flavors.stream().filter(filter::matches).map(Flavor::flavorId).toList();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "fluidos.eu-k8slice-3fa2 | filter[architecture][match]=amd64",
        "'' | filter[architecture][match]=arm64",
        "fluidos.eu-k8slice-3fa2 | filter[cpu][range][min]=1000m&filter[cpu][range][max]=8",
        "'' | filter[cpu][range][min]=8",
        "fluidos.eu-k8slice-3fa2 | filter[cpu][match]=7.485",
        "fluidos.eu-k8slice-3fa2 | filter[memory][range][min]=1Gi",
        "fluidos.eu-k8slice-3fa2 | filter[pods][match]=110",
        "fluidos.eu-k8slice-3fa2 | filter[pods][exact]=110",
        "fluidos.eu-k8slice-3fa2 | [storage][range][min]=90Gi",
        "fluidos.eu-k8slice-3fa2 | filter%5Bstorage%5D%5Brange%5D%5Bmax%5D=95Gi",
        "'' | filter[storage][range][max]=94Gi",
        "fluidos.eu-k8slice-3fa2 | ''",
      })
  void k8sliceFiltersSelectWithQuantitySemantics(String expected, String query) {
    assertEquals(expected.isEmpty() ? List.of() : List.of(expected), selected("k8slice", query));
  }

  @Test
  void serviceFiltersMatchCategoryAndAnyTag() {
    assertEquals(
        List.of("fluidos.eu-service-9c1d"),
        selected("service", "filter[category][match]=database&filter[tags][match]=mysql"));
    assertEquals(List.of(), selected("service", "filter[tags][match]=postgres"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "filter[colour][match]=red | no attribute 'colour' for k8slice flavors",
        "filter[cpu][match]=lots | is not a Kubernetes quantity",
        "filter[cpu][match]= | is not a Kubernetes quantity",
        "filter[cpu][range][min]=4&filter[cpu][range][max]=2 | min 4 is above max 2",
        "filter[cpu][match]=1&filter[cpu][match]=2 | given twice",
        "filter[architecture][range][min]=1 | only [match] applies",
        "filter[cpu][range][mid]=1 | a range bound is [min] or [max]",
        "filter[architecture][match][regex]=.* | expected filter[architecture][match]",
        "filter[cpu][range][regex]=1 | regular expressions are not supported",
        "limit=10 | not a filter key",
        "filter[cpu | unclosed '['",
        "filter[CPU][match]=1 | bracketed words are 1-32 of [a-z_]",
        "filter[cpu][match]=%zz | bad percent-encoding",
      })
  void badQueriesAreRejectedNamingTheProblem(String query, String reason) {
    FilterException e =
        assertThrows(FilterException.class, () -> FilterParser.parse("k8slice", query));
    assertTrue(e.getMessage().contains(reason), e.getMessage());
  }

  @Test
  void tooManyParametersAndOverlongQueriesAreRejected() {
    String many = "filter[cpu][match]=1&".repeat(FilterParser.MAX_PARAMS + 1);
    assertThrows(FilterException.class, () -> FilterParser.parse("k8slice", many));
    String longQuery = "filter[architecture][match]=" + "a".repeat(FilterParser.MAX_QUERY_LENGTH);
    assertThrows(FilterException.class, () -> FilterParser.parse("k8slice", longQuery));
  }

  @Test
  void ourQueryStringIsTheNodesAndParsesBack() {
    FlavorFilter f =
        FilterParser.parse(
            "k8slice", "filter[architecture][match]=arm64&filter[memory][range][min]=2048Mi");
    assertEquals("filter[architecture][match]=arm64&filter[memory][range][min]=2Gi", f.toQuery());
    assertEquals(f, FilterParser.parse("k8slice", f.toQuery()));
  }

  @Test
  void fuzzedQueriesOnlyEverFailWithAFilterException() {
    Random random = new Random(42);
    String alphabet = "filter[]cpu memory match range min max=&%5B5D0123456789.mGiKe-+;\u0000é";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder q = new StringBuilder();
      int len = random.nextInt(80);
      for (int j = 0; j < len; j++) {
        q.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      try {
        FlavorFilter f = FilterParser.parse(i % 2 == 0 ? "k8slice" : "service", q.toString());
        flavors.forEach(f::matches);
      } catch (FilterException expected) {
        assertFalse(expected.getMessage().isEmpty());
      }
    }
  }
}
