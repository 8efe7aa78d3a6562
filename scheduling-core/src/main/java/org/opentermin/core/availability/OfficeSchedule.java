package org.opentermin.core.availability;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.Set;
import org.opentermin.core.calendar.GermanHolidayCalendar;
import org.opentermin.core.calendar.HolidayCalendar;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.worktime.OfficeClosure;

/**
 * Everything about one office that slot generation needs and that changes only when an
 * administrator edits it: the office, its resources with their working time, its closures and its
 * holiday calendar. Immutable.
 */
public record OfficeSchedule(
    Office office,
    ImmutableList<ScheduledResource> resources,
    ImmutableList<OfficeClosure> closures,
    HolidayCalendar holidays) {

  public OfficeSchedule {
    checkNotNull(office, "office");
    resources = ImmutableList.copyOf(checkNotNull(resources, "resources"));
    closures = ImmutableList.copyOf(checkNotNull(closures, "closures"));
    checkNotNull(holidays, "holidays");
    Set<ResourceId> seen = new HashSet<>();
    for (ScheduledResource scheduled : resources) {
      checkArgument(
          scheduled.resource().office().equals(office.id()),
          "resource %s belongs to office %s, not %s",
          scheduled.resource().id(),
          scheduled.resource().office(),
          office.id());
      checkArgument(
          seen.add(scheduled.resource().id()),
          "resource %s appears twice",
          scheduled.resource().id());
    }
  }

  /** The schedule with the office's German holidays. */
  public static OfficeSchedule of(
      Office office, Iterable<ScheduledResource> resources, Iterable<OfficeClosure> closures) {
    return new OfficeSchedule(
        office,
        ImmutableList.copyOf(resources),
        ImmutableList.copyOf(closures),
        GermanHolidayCalendar.of(office.holidayRegion()));
  }
}
