package org.opentermin.core.routing;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;

/**
 * House numbers {@code from} to {@code to}, both inclusive as street directories write them, on the
 * side of the street that {@code parity} names. Letter suffixes are ignored: "12a" counts as 12.
 * Immutable.
 *
 * @param from 1 to 99999
 * @param to from to 99999; the range holds at least one number of its parity
 */
public record HouseNumberRange(int from, int to, Parity parity) {

  public HouseNumberRange {
    checkArgument(
        from >= 1 && to <= 99_999 && from <= to,
        "a house number range runs from 1 to 99999 upwards, not %s–%s",
        from,
        to);
    checkNotNull(parity, "parity");
    checkArgument(
        parity.admits(from) || from < to,
        "the house number range %s–%s holds no %s number",
        from,
        to,
        parity);
  }

  /** Whether {@code number} lies in the range and on its side. */
  public boolean contains(HouseNumber number) {
    checkNotNull(number, "number");
    return contains(number.number());
  }

  private boolean contains(int number) {
    return number >= from && number <= to && parity.admits(number);
  }

  /** Whether some house number lies in both ranges. */
  public boolean overlaps(HouseNumberRange other) {
    checkNotNull(other, "other");
    int lower = Math.max(from, other.from);
    int upper = Math.min(to, other.to);
    // Parity repeats every two numbers, so the first two shared numbers decide.
    for (int number = lower; number <= Math.min(upper, lower + 1); number++) {
      if (contains(number) && other.contains(number)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return from
        + "–"
        + to
        + (parity == Parity.ALL ? "" : " " + parity.name().toLowerCase(Locale.ROOT));
  }
}
