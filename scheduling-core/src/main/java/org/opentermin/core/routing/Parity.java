package org.opentermin.core.routing;

/**
 * Which house numbers of a range a rule means: the odd side of the street, the even side, or both.
 */
public enum Parity {
  ODD,
  EVEN,
  ALL;

  /** Whether {@code number} is on this side. */
  public boolean admits(int number) {
    return switch (this) {
      case ODD -> number % 2 != 0;
      case EVEN -> number % 2 == 0;
      case ALL -> true;
    };
  }
}
