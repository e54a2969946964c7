package io.minicloud.tetherbridge.runtime;

import io.minicloud.mapper.api.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When a property's reading goes north. Bound from the core-reserved {@code report} key of a
 * property's visitor config (taken out before the plugin sees the rest):
 *
 * <pre>
 * report: {strategy: on-change, deadband: 0.5, deadbandPercent: 2, minInterval: 1000}
 * </pre>
 *
 * <ul>
 *   <li>{@code periodic}: every reading, at most once per {@code period} (KubeEdge's reportCycle);
 *   <li>{@code on-change}: when the value moved by more than the deadband (absolute and/or percent
 *       of the last reported value; both set: either one is enough);
 *   <li>{@code change-or-period}: on change, and at least once per period as a heartbeat.
 * </ul>
 *
 * {@code minInterval} (ms) holds back reports that come sooner than that after the last one. The
 * first reading is always reported. Default: {@code periodic} when the property has a reportCycle,
 * otherwise {@code on-change} with no deadband.
 */
public record ReportPolicy(
    Strategy strategy,
    long periodMillis,
    double deadband,
    double deadbandPercent,
    long minIntervalMillis) {

  /** The three strategies. */
  public enum Strategy {
    PERIODIC,
    ON_CHANGE,
    CHANGE_OR_PERIOD
  }

  private static final Set<String> KEYS =
      Set.of("strategy", "deadband", "deadbandPercent", "minInterval", "period");

  public ReportPolicy {
    Objects.requireNonNull(strategy, "strategy");
    if (periodMillis < 0 || minIntervalMillis < 0 || deadband < 0 || deadbandPercent < 0) {
      throw new IllegalArgumentException("period, minInterval and deadbands must not be negative");
    }
  }

  /** The default for a property with this reportCycle (0 = none). */
  public static ReportPolicy defaults(long reportCycleMillis) {
    return reportCycleMillis > 0
        ? new ReportPolicy(Strategy.PERIODIC, reportCycleMillis, 0, 0, 0)
        : new ReportPolicy(Strategy.ON_CHANGE, 0, 0, 0, 0);
  }

  /**
   * Binds the {@code report} map ({@code null}: defaults).
   *
   * @param errors receives {@code report.<key>: reason} messages
   */
  public static ReportPolicy bind(Object config, long reportCycleMillis, List<String> errors) {
    if (config == null) {
      return defaults(reportCycleMillis);
    }
    if (!(config instanceof Map<?, ?> map)) {
      errors.add("report: expected a map with strategy, deadband, deadbandPercent, minInterval");
      return defaults(reportCycleMillis);
    }
    List<String> local = new ArrayList<>();
    map.keySet().stream()
        .map(String::valueOf)
        .filter(k -> !KEYS.contains(k))
        .sorted()
        .forEach(k -> local.add("report." + k + ": unknown setting, expected one of " + KEYS));
    Strategy strategy = strategy(map.get("strategy"), reportCycleMillis, local);
    long period = (long) number(map, "period", reportCycleMillis, local);
    if (strategy != Strategy.ON_CHANGE && period <= 0) {
      local.add(
          "report.period: "
              + strategy.name().toLowerCase(Locale.ROOT).replace('_', '-')
              + " needs a period (or the property's reportCycle)");
    }
    ReportPolicy policy =
        new ReportPolicy(
            strategy,
            Math.max(0, period),
            Math.abs(number(map, "deadband", 0, local)),
            Math.abs(number(map, "deadbandPercent", 0, local)),
            (long) Math.abs(number(map, "minInterval", 0, local)));
    errors.addAll(local);
    return policy;
  }

  private static Strategy strategy(Object value, long reportCycleMillis, List<String> errors) {
    if (value == null) {
      return defaults(reportCycleMillis).strategy();
    }
    return switch (String.valueOf(value).trim().toLowerCase(Locale.ROOT)) {
      case "periodic" -> Strategy.PERIODIC;
      case "on-change", "onchange" -> Strategy.ON_CHANGE;
      case "change-or-period" -> Strategy.CHANGE_OR_PERIOD;
      default -> {
        errors.add(
            "report.strategy: '" + value + "': expected periodic, on-change or change-or-period");
        yield Strategy.ON_CHANGE;
      }
    };
  }

  private static double number(Map<?, ?> map, String key, double fallback, List<String> errors) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue();
    }
    try {
      double d = Double.parseDouble(String.valueOf(value).trim());
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below, with the field
    }
    errors.add("report." + key + ": '" + value + "' is not a number");
    return fallback;
  }

  /**
   * @param last the value reported last, or null when nothing was reported yet
   * @param lastAt when it was reported (ms)
   */
  public boolean shouldReport(Value value, Value last, long lastAt, long now) {
    if (last == null) {
      return true;
    }
    long since = now - lastAt;
    if (since < minIntervalMillis) {
      return false;
    }
    boolean periodDue = periodMillis > 0 && since >= periodMillis;
    return switch (strategy) {
      case PERIODIC -> periodMillis == 0 || periodDue;
      case ON_CHANGE -> changed(value, last);
      case CHANGE_OR_PERIOD -> periodDue || changed(value, last);
    };
  }

  boolean changed(Value value, Value last) {
    Double now = Values.number(value);
    Double before = Values.number(last);
    if (now == null || before == null) {
      return !value.equals(last);
    }
    double delta = Math.abs(now - before);
    if (deadband == 0 && deadbandPercent == 0) {
      return delta != 0 || !value.equals(last);
    }
    boolean beyondAbsolute = deadband > 0 && delta > deadband;
    boolean beyondPercent = deadbandPercent > 0 && delta > Math.abs(before) * deadbandPercent / 100;
    return beyondAbsolute || beyondPercent;
  }
}
