package org.opentermin.core.calendar;

import static com.google.common.base.Preconditions.checkNotNull;
import static org.opentermin.core.calendar.GermanState.BADEN_WUERTTEMBERG;
import static org.opentermin.core.calendar.GermanState.BAVARIA;
import static org.opentermin.core.calendar.GermanState.BERLIN;
import static org.opentermin.core.calendar.GermanState.BRANDENBURG;
import static org.opentermin.core.calendar.GermanState.BREMEN;
import static org.opentermin.core.calendar.GermanState.HAMBURG;
import static org.opentermin.core.calendar.GermanState.HESSE;
import static org.opentermin.core.calendar.GermanState.LOWER_SAXONY;
import static org.opentermin.core.calendar.GermanState.MECKLENBURG_WESTERN_POMERANIA;
import static org.opentermin.core.calendar.GermanState.NORTH_RHINE_WESTPHALIA;
import static org.opentermin.core.calendar.GermanState.RHINELAND_PALATINATE;
import static org.opentermin.core.calendar.GermanState.SAARLAND;
import static org.opentermin.core.calendar.GermanState.SAXONY;
import static org.opentermin.core.calendar.GermanState.SAXONY_ANHALT;
import static org.opentermin.core.calendar.GermanState.SCHLESWIG_HOLSTEIN;
import static org.opentermin.core.calendar.GermanState.THURINGIA;

import com.google.common.collect.ImmutableList;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The statutory public holidays of a German state, computed for any year from 1995 on (movable
 * feasts from the Easter date), plus the regional holidays the office's {@link HolidayRegion} opts
 * in to. Changes in law are dated: e.g. Berlin keeps 8 March since 2019, Thuringia World Children's
 * Day since 2019, the northern states Reformation Day since 2018.
 *
 * <p>Immutable and thread-safe.
 */
public final class GermanHolidayCalendar implements HolidayCalendar {

  private static final Set<GermanState> ALL_STATES = EnumSet.allOf(GermanState.class);

  private static final ImmutableList<Rule> RULES =
      ImmutableList.of(
          Rule.everywhere("Neujahr", fixed(1, 1)),
          Rule.in("Heilige Drei Könige", fixed(1, 6), BADEN_WUERTTEMBERG, BAVARIA, SAXONY_ANHALT),
          Rule.in("Internationaler Frauentag", fixed(3, 8), BERLIN).since(2019),
          Rule.in("Internationaler Frauentag", fixed(3, 8), MECKLENBURG_WESTERN_POMERANIA)
              .since(2023),
          Rule.everywhere("Karfreitag", easterPlus(-2)),
          Rule.in("Ostersonntag", easterPlus(0), BRANDENBURG, HESSE),
          Rule.everywhere("Ostermontag", easterPlus(1)),
          Rule.everywhere("Tag der Arbeit", fixed(5, 1)),
          // Berlin kept the 75th and 80th anniversaries of the end of the war as one-off holidays.
          Rule.in("Tag der Befreiung", fixed(5, 8), BERLIN)
              .onlyIn(year -> year == 2020 || year == 2025),
          Rule.everywhere("Christi Himmelfahrt", easterPlus(39)),
          Rule.in("Pfingstsonntag", easterPlus(49), BRANDENBURG, HESSE),
          Rule.everywhere("Pfingstmontag", easterPlus(50)),
          Rule.in(
              "Fronleichnam",
              easterPlus(60),
              BADEN_WUERTTEMBERG,
              BAVARIA,
              HESSE,
              NORTH_RHINE_WESTPHALIA,
              RHINELAND_PALATINATE,
              SAARLAND),
          Rule.regional("Fronleichnam", easterPlus(60), RegionalHoliday.CORPUS_CHRISTI),
          Rule.regional(
              "Augsburger Hohes Friedensfest",
              fixed(8, 8),
              RegionalHoliday.AUGSBURG_PEACE_FESTIVAL),
          Rule.in("Mariä Himmelfahrt", fixed(8, 15), SAARLAND),
          Rule.regional("Mariä Himmelfahrt", fixed(8, 15), RegionalHoliday.ASSUMPTION_DAY),
          Rule.in("Weltkindertag", fixed(9, 20), THURINGIA).since(2019),
          Rule.everywhere("Tag der Deutschen Einheit", fixed(10, 3)),
          Rule.in(
              "Reformationstag",
              fixed(10, 31),
              BRANDENBURG,
              MECKLENBURG_WESTERN_POMERANIA,
              SAXONY,
              SAXONY_ANHALT,
              THURINGIA),
          Rule.in(
                  "Reformationstag",
                  fixed(10, 31),
                  BREMEN,
                  HAMBURG,
                  LOWER_SAXONY,
                  SCHLESWIG_HOLSTEIN)
              .since(2018),
          // The 500th anniversary of the Reformation was a holiday in every state.
          Rule.in(
                  "Reformationstag",
                  fixed(10, 31),
                  BADEN_WUERTTEMBERG,
                  BAVARIA,
                  BERLIN,
                  BREMEN,
                  HAMBURG,
                  HESSE,
                  LOWER_SAXONY,
                  NORTH_RHINE_WESTPHALIA,
                  RHINELAND_PALATINATE,
                  SAARLAND,
                  SCHLESWIG_HOLSTEIN)
              .onlyIn(year -> year == 2017),
          Rule.in(
              "Allerheiligen",
              fixed(11, 1),
              BADEN_WUERTTEMBERG,
              BAVARIA,
              NORTH_RHINE_WESTPHALIA,
              RHINELAND_PALATINATE,
              SAARLAND),
          Rule.in("Buß- und Bettag", GermanHolidayCalendar::dayOfRepentance, SAXONY),
          Rule.everywhere("1. Weihnachtstag", fixed(12, 25)),
          Rule.everywhere("2. Weihnachtstag", fixed(12, 26)));

  private final HolidayRegion region;

  private GermanHolidayCalendar(HolidayRegion region) {
    this.region = checkNotNull(region, "region");
  }

  /** The calendar of the given state and regional holidays. */
  public static GermanHolidayCalendar of(HolidayRegion region) {
    return new GermanHolidayCalendar(region);
  }

  /** The calendar of the given state, without regional holidays. */
  public static GermanHolidayCalendar of(GermanState state) {
    return of(HolidayRegion.of(state));
  }

  public HolidayRegion region() {
    return region;
  }

  @Override
  public ImmutableList<Holiday> holidaysIn(int year) {
    return RULES.stream()
        .filter(rule -> rule.appliesTo(region, year))
        .map(rule -> new Holiday(rule.date().apply(year), rule.name()))
        .sorted(Comparator.comparing(Holiday::date))
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GermanHolidayCalendar calendar && calendar.region.equals(region);
  }

  @Override
  public int hashCode() {
    return region.hashCode();
  }

  @Override
  public String toString() {
    return "GermanHolidayCalendar" + region;
  }

  /** Buß- und Bettag: the last Wednesday before 23 November. */
  private static LocalDate dayOfRepentance(int year) {
    return LocalDate.of(year, 11, 22).with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
  }

  private static IntFunction<LocalDate> fixed(int month, int day) {
    MonthDay monthDay = MonthDay.of(month, day);
    return monthDay::atYear;
  }

  private static IntFunction<LocalDate> easterPlus(int days) {
    return year -> Easter.sunday(year).plusDays(days);
  }

  /** One line of the holiday table: which date, where, and in which years. */
  private record Rule(
      String name,
      IntFunction<LocalDate> date,
      Set<GermanState> states,
      RegionalHoliday regionalHoliday,
      IntPredicate years) {

    static Rule everywhere(String name, IntFunction<LocalDate> date) {
      return in(name, date, ALL_STATES);
    }

    static Rule in(
        String name, IntFunction<LocalDate> date, GermanState first, GermanState... rest) {
      return in(name, date, EnumSet.of(first, rest));
    }

    static Rule in(String name, IntFunction<LocalDate> date, Set<GermanState> states) {
      return new Rule(name, date, EnumSet.copyOf(states), null, year -> true);
    }

    static Rule regional(String name, IntFunction<LocalDate> date, RegionalHoliday holiday) {
      return new Rule(name, date, EnumSet.noneOf(GermanState.class), holiday, year -> true);
    }

    Rule since(int firstYear) {
      return onlyIn(year -> year >= firstYear);
    }

    Rule onlyIn(IntPredicate inYears) {
      return new Rule(name, date, states, regionalHoliday, years.and(inYears));
    }

    boolean appliesTo(HolidayRegion region, int year) {
      boolean place =
          states.contains(region.state())
              || (regionalHoliday != null && region.regionalHolidays().contains(regionalHoliday));
      return place && years.test(year);
    }
  }
}
