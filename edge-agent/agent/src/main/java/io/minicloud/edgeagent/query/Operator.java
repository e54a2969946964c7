package io.minicloud.edgeagent.query;

/**
 * A term's comparison; {@code =} is exact, or an inclusive range when the value is {@code a..b}.
 */
public enum Operator {
  EQ("="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">=");

  private final String symbol;

  Operator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
