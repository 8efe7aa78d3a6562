package org.opentermin.core.worktime;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import org.opentermin.core.time.DateRange;
import org.opentermin.core.time.TimeOfDayRange;

/**
 * A recurring weekly time range in local time, e.g. "Monday to Thursday 08:00-12:00": on the given
 * weekdays, within the validity range, in every {@code everyWeeks}-th week counted from the week
 * containing {@code anchorWeek}. Used both for working hours and for breaks. Immutable.
 *
 * @param anchorWeek any day of a week in which the rule applies; stored as that week's Monday
 */
public record WeeklyRule(
    ImmutableSet<DayOfWeek> days,
    TimeOfDayRange hours,
    DateRange validity,
    int everyWeeks,
    LocalDate anchorWeek) {

  /** The anchor used when a rule applies every week; any Monday would do. */
  private static final LocalDate DEFAULT_ANCHOR = LocalDate.of(2024, 1, 1);

  public WeeklyRule {
    days = ImmutableSet.copyOf(checkNotNull(days, "days"));
    checkArgument(!days.isEmpty(), "a weekly rule needs at least one weekday");
    checkNotNull(hours, "hours");
    checkNotNull(validity, "validity");
    checkArgument(
        everyWeeks >= 1 && everyWeeks <= 52,
        "every N weeks needs 1 <= N <= 52, not %s",
        everyWeeks);
    checkNotNull(anchorWeek, "anchorWeek");
    anchorWeek = anchorWeek.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** Every week on {@code days} during {@code hours}, always valid. */
  public static WeeklyRule weekly(Set<DayOfWeek> days, TimeOfDayRange hours) {
    return new WeeklyRule(ImmutableSet.copyOf(days), hours, DateRange.ALWAYS, 1, DEFAULT_ANCHOR);
  }

  /** Every week on {@code days} from {@code start} to {@code end} (e.g. "08:00", "12:00"). */
  public static WeeklyRule weekly(Set<DayOfWeek> days, String start, String end) {
    return weekly(days, TimeOfDayRange.of(start, end));
  }

  /** This rule, valid only during {@code range}. */
  public WeeklyRule validDuring(DateRange range) {
    return new WeeklyRule(days, hours, range, everyWeeks, anchorWeek);
  }

  /**
   * This rule, applying only every {@code weeks}-th week, counted from the week of {@code anchor}.
   */
  public WeeklyRule everyWeeks(int weeks, LocalDate anchor) {
    return new WeeklyRule(days, hours, validity, weeks, anchor);
  }

  /** Whether the rule applies on {@code date}. */
  public boolean appliesOn(LocalDate date) {
    if (!days.contains(date.getDayOfWeek()) || !validity.contains(date)) {
      return false;
    }
    if (everyWeeks == 1) {
      return true;
    }
    LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    long weeks = ChronoUnit.WEEKS.between(anchorWeek, monday);
    return Math.floorMod(weeks, everyWeeks) == 0;
  }
}
