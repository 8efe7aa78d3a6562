package org.opentermin.core.availability;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.ZoneId;
import org.opentermin.core.catalog.OfficeId;

/**
 * The free slots of an office for one request over a date range: the days that have at least one
 * slot, in date order, each with its slots in start order. Immutable.
 */
public record Availability(
    OfficeId office, ZoneId zone, Duration duration, ImmutableList<DayAvailability> days) {

  public Availability {
    checkNotNull(office, "office");
    checkNotNull(zone, "zone");
    checkNotNull(duration, "duration");
    days = ImmutableList.copyOf(checkNotNull(days, "days"));
  }

  /** All slots of all days, in start order. */
  public ImmutableList<Slot> slots() {
    return days.stream()
        .flatMap(day -> day.slots().stream())
        .collect(ImmutableList.toImmutableList());
  }

  public boolean isEmpty() {
    return days.isEmpty();
  }
}
