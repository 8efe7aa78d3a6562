package org.opentermin.core.calendar;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;

/**
 * Where an office lies, as far as public holidays are concerned: its state and the regional
 * holidays its municipality keeps (e.g. Bavaria with Assumption Day for Munich). Immutable.
 */
public record HolidayRegion(GermanState state, ImmutableSet<RegionalHoliday> regionalHolidays) {

  public HolidayRegion {
    checkNotNull(state, "state");
    regionalHolidays = ImmutableSet.copyOf(checkNotNull(regionalHolidays, "regionalHolidays"));
    for (RegionalHoliday holiday : regionalHolidays) {
      checkArgument(
          holiday.states().contains(state),
          "%s is not kept anywhere in %s, only in %s",
          holiday,
          state,
          holiday.states());
    }
  }

  /** The state with the given regional holidays. */
  public static HolidayRegion of(GermanState state, RegionalHoliday... regionalHolidays) {
    return new HolidayRegion(state, ImmutableSet.copyOf(regionalHolidays));
  }

  /** Munich: Bavaria with Assumption Day. */
  public static HolidayRegion munich() {
    return of(GermanState.BAVARIA, RegionalHoliday.ASSUMPTION_DAY);
  }
}
