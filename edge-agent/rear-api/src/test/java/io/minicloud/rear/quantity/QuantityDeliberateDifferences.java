package io.minicloud.rear.quantity;

import io.minicloud.rear.peers.GoRearPeer;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where our {@link Quantity} differs from apimachinery on purpose. Each is a text Go accepts and we
 * reject, so a Go node never sends it (it writes canonical forms, far from these limits), and
 * rejecting it bounds the work one untrusted filter value can cause:
 *
 * <ul>
 *   <li>texts longer than {@link Quantity#MAX_TEXT_LENGTH};
 *   <li>decimal exponents beyond ±1000 ({@code 1e1001}). apimachinery keeps the exponent in an
 *       int32 and wraps it ({@code 1e99999999999} prints as {@code 10e1215752190}), and from about
 *       ±2^31 ({@code 1e2147483648}, {@code 1e-2147483648}) its rounding computes with numbers of
 *       billions of digits and does not finish: a Go bug, not worth copying.
 *   <li>decimal SI values beyond the E suffix ({@code 1000E} = 10^21): apimachinery has no letter
 *       for them, and its CanonicalizeBytes then drops the exponent and writes {@code 1}, a
 *       different value. We write {@code 1e21}, which Go reads back as 10^21.
 * </ul>
 */
final class QuantityDeliberateDifferences {

  static final int MAX_EXPONENT = Suffix.MAX_EXPONENT;

  private static final Pattern EXPONENT =
      Pattern.compile("^[+-]?[0-9]*\\.?[0-9]*[eE]([+-]?[0-9]+)$");

  private static final Pattern BEYOND_SI = Pattern.compile("^(-?[0-9]+)e([0-9]+)$");

  /** From this many significant exponent digits on, Go may not finish: never sent to it. */
  private static final int GO_HANGS_FROM_DIGITS = 5;

  private QuantityDeliberateDifferences() {}

  /** Inputs not to send to Go at all; Java must reject them. */
  static boolean mayHangGo(String input) {
    BigInteger exponent = exponent(input);
    return exponent != null
        && exponent.abs().toString().length() >= GO_HANGS_FROM_DIGITS
        && exponent.bitLength() < 64; // beyond int64 Go rejects the suffix at once
  }

  /**
   * Why Go and Java may disagree on this input, or null when they must agree. Only a rejection by
   * Java is ever excused: Java accepting what Go rejects would put text on the wire a Go peer
   * drops.
   */
  static String explain(GoRearPeer.Result go, boolean javaAccepts) {
    if (javaAccepts) {
      return null;
    }
    if (go.input().length() > Quantity.MAX_TEXT_LENGTH) {
      return "longer than " + Quantity.MAX_TEXT_LENGTH + " characters: Java refuses to parse it";
    }
    BigInteger exponent = exponent(go.input());
    if (exponent != null && exponent.abs().compareTo(BigInteger.valueOf(MAX_EXPONENT)) > 0) {
      return "exponent beyond ±" + MAX_EXPONENT;
    }
    return null;
  }

  /** Why Java's canonical text may differ from Go's for an input both accept, or null. */
  static String explainCanonical(GoRearPeer.Result go, Quantity java) {
    Matcher m = BEYOND_SI.matcher(java.toString());
    if (java.format() == Quantity.Format.DECIMAL_SI
        && m.matches()
        && Integer.parseInt(m.group(2)) > 18
        && go.canonical().equals(m.group(1))) {
      return "beyond E: Go drops the exponent";
    }
    return null;
  }

  private static BigInteger exponent(String input) {
    Matcher m = EXPONENT.matcher(input);
    return m.matches() ? new BigInteger(m.group(1)) : null;
  }
}
