package io.minicloud.tetherbridge.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.minicloud.mapper.api.DoubleValue;
import io.minicloud.mapper.api.LongValue;
import io.minicloud.mapper.api.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportPolicyTest {
  private static DoubleValue d(double v) {
    return DoubleValue.of(v);
  }

  private static ReportPolicy bind(Map<String, Object> config, long cycle) {
    List<String> errors = new ArrayList<>();
    ReportPolicy policy = ReportPolicy.bind(config, cycle, errors);
    assertEquals(List.of(), errors);
    return policy;
  }

  @Test
  void defaultsArePeriodicWithAReportCycleAndOnChangeWithout() {
    assertEquals(ReportPolicy.Strategy.PERIODIC, bind(null, 10_000).strategy());
    assertEquals(ReportPolicy.Strategy.ON_CHANGE, bind(null, 0).strategy());
  }

  @Test
  void periodicReportsOncePerPeriod() {
    ReportPolicy p = bind(null, 1000);
    assertTrue(p.shouldReport(d(1), null, 0, 0), "first reading");
    assertFalse(p.shouldReport(d(2), d(1), 0, 999));
    assertTrue(p.shouldReport(d(1), d(1), 0, 1000), "same value, but the period is up");
  }

  @Test
  void absoluteDeadband() {
    ReportPolicy p = bind(Map.of("strategy", "on-change", "deadband", 0.5), 0);
    assertFalse(p.shouldReport(d(20.4), d(20.0), 0, 10));
    assertFalse(p.shouldReport(d(20.5), d(20.0), 0, 10), "exactly the deadband is not beyond it");
    assertTrue(p.shouldReport(d(19.4), d(20.0), 0, 10));
  }

  @Test
  void percentDeadbandIsRelativeToTheLastReportedValue() {
    ReportPolicy p = bind(Map.of("strategy", "on-change", "deadbandPercent", 10), 0);
    assertFalse(p.shouldReport(d(109), d(100), 0, 10));
    assertTrue(p.shouldReport(d(111), d(100), 0, 10));
  }

  @Test
  void onChangeWithoutDeadbandReportsEveryChangeOfAnyType() {
    ReportPolicy p = bind(Map.of("strategy", "on-change"), 0);
    assertFalse(p.shouldReport(LongValue.of(3), LongValue.of(3), 0, 10));
    assertTrue(p.shouldReport(LongValue.of(4), LongValue.of(3), 0, 10));
    assertTrue(p.shouldReport(new StringValue("auto"), new StringValue("heat"), 0, 10));
  }

  @Test
  void changeOrPeriodSendsAHeartbeat() {
    ReportPolicy p =
        bind(Map.of("strategy", "change-or-period", "deadband", 1, "period", 60000), 0);
    assertFalse(p.shouldReport(d(20.1), d(20.0), 0, 59_999));
    assertTrue(p.shouldReport(d(20.1), d(20.0), 0, 60_000));
    assertTrue(p.shouldReport(d(22), d(20.0), 0, 5));
  }

  @Test
  void minIntervalHoldsBackBursts() {
    ReportPolicy p = bind(Map.of("strategy", "on-change", "minInterval", 1000), 0);
    assertFalse(p.shouldReport(d(50), d(20), 0, 999));
    assertTrue(p.shouldReport(d(50), d(20), 0, 1000));
  }

  @Test
  void eachInvalidSettingIsNamed() {
    List<String> errors = new ArrayList<>();
    ReportPolicy.bind(
        Map.of("strategy", "sometimes", "deadband", "lots", "colour", "red"), 0, errors);
    assertEquals(3, errors.size(), errors.toString());
    assertTrue(errors.stream().anyMatch(e -> e.startsWith("report.strategy: 'sometimes'")));
    assertTrue(
        errors.stream().anyMatch(e -> e.startsWith("report.deadband: 'lots' is not a number")));
    assertTrue(errors.stream().anyMatch(e -> e.startsWith("report.colour: unknown setting")));
  }

  @Test
  void periodicWithoutAnyPeriodIsAnError() {
    List<String> errors = new ArrayList<>();
    ReportPolicy.bind(Map.of("strategy", "periodic"), 0, errors);
    assertEquals(
        List.of("report.period: periodic needs a period (or the property's reportCycle)"), errors);
  }
}
