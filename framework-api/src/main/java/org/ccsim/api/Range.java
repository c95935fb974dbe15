package org.ccsim.api;

/**
 * The numeric values a {@link Param} accepts, with open or closed ends.
 *
 * @param lower the lower bound ({@code -Infinity} for none)
 * @param lowerInclusive whether {@code lower} itself is allowed
 * @param upper the upper bound ({@code +Infinity} for none)
 * @param upperInclusive whether {@code upper} itself is allowed
 */
public record Range(double lower, boolean lowerInclusive, double upper, boolean upperInclusive) {

  /** Every finite value. */
  public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

  /** {@code lower <= v <= upper}. */
  public static Range between(double lower, double upper) {
    return new Range(lower, true, upper, true);
  }

  /** {@code v >= lower}. */
  public static Range atLeast(double lower) {
    return new Range(lower, true, Double.POSITIVE_INFINITY, false);
  }

  /** {@code v > lower}. */
  public static Range greaterThan(double lower) {
    return new Range(lower, false, Double.POSITIVE_INFINITY, false);
  }

  /** Whether {@code value} lies in the range. */
  public boolean contains(double value) {
    boolean aboveLower = lowerInclusive ? value >= lower : value > lower;
    boolean belowUpper = upperInclusive ? value <= upper : value < upper;
    return aboveLower && belowUpper;
  }

  /** The rule in words, as validation messages print it: "must be between 1 and 30". */
  public String describe() {
    boolean hasLower = lower != Double.NEGATIVE_INFINITY;
    boolean hasUpper = upper != Double.POSITIVE_INFINITY;
    if (hasLower && hasUpper && lowerInclusive && upperInclusive) {
      return "must be between " + format(lower) + " and " + format(upper);
    }
    StringBuilder rule = new StringBuilder("must be");
    if (hasLower) {
      rule.append(lowerInclusive ? " >= " : " > ").append(format(lower));
    }
    if (hasUpper) {
      rule.append(hasLower ? " and" : "").append(upperInclusive ? " <= " : " < ").append(format(upper));
    }
    return hasLower || hasUpper ? rule.toString() : "must be finite";
  }

  /** Prints whole numbers without a fraction, so integer ranges read naturally. */
  static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
