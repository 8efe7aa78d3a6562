package org.opentermin.core.calendar;

import com.google.common.collect.ImmutableSet;

/**
 * Holidays that hold only in some municipalities of a state, so an office opts in to them through
 * its {@link HolidayRegion}.
 */
public enum RegionalHoliday {
  /**
   * Mariä Himmelfahrt (15 August) in Bavarian municipalities with a predominantly Catholic
   * population, Munich among them. (In Saarland it is a state-wide holiday anyway.)
   */
  ASSUMPTION_DAY(GermanState.BAVARIA),
  /** Augsburger Hohes Friedensfest (8 August), only in the city of Augsburg. */
  AUGSBURG_PEACE_FESTIVAL(GermanState.BAVARIA),
  /**
   * Fronleichnam in the Catholic municipalities of Saxony (Sorbian area) and Thuringia (Eichsfeld).
   */
  CORPUS_CHRISTI(GermanState.SAXONY, GermanState.THURINGIA);

  private final ImmutableSet<GermanState> states;

  RegionalHoliday(GermanState... states) {
    this.states = ImmutableSet.copyOf(states);
  }

  /** The states in which some municipalities keep this holiday. */
  public ImmutableSet<GermanState> states() {
    return states;
  }
}
