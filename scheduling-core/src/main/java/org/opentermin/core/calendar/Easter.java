package org.opentermin.core.calendar;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;

/** Computes Easter Sunday in the Gregorian calendar, on which the movable feasts depend. */
public final class Easter {

  private Easter() {}

  /**
   * Easter Sunday of {@code year} (1583 or later), by the anonymous Gregorian algorithm
   * (Meeus/Jones/Butcher).
   */
  public static LocalDate sunday(int year) {
    checkArgument(year >= 1583, "the Gregorian Easter date starts in 1583, not %s", year);
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }
}
