package org.opentermin.core.availability;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opentermin.core.calendar.Holiday;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.time.DateRange;
import org.opentermin.core.worktime.OfficeClosure;

/**
 * Finds the start times an office can offer for an {@link AppointmentRequest}, computed on the fly
 * from the {@link OfficeSchedule} and the current {@link Occupancy}; nothing is precomputed into
 * slot tables.
 *
 * <p>A start is offered when it lies on the office's slot grid in local time, is at least the
 * minimum notice after {@code now}, falls on a local date no later than the horizon, and at least
 * one resource that can serve the request (every requested skill, and allowed by each service in
 * the request's mode) works without absence, closure or active claim for the whole duration. Its
 * capacity is the number of such resources. Local times skipped by a daylight saving change are
 * never offered; repeated ones are offered once, at their first occurrence.
 *
 * <p>Create one per office schedule with {@link #of} and reuse it: it is immutable and thread-safe,
 * and every query allocates its own scratch space. Results are deterministic and sorted; nothing
 * here reads a clock.
 */
public final class SlotFinder {

  private final Office office;
  private final ZoneId zone;
  private final OfficeSchedule schedule;
  private final ImmutableList<ResourcePlan> plans;
  private final ImmutableSet<LocalDate> closures;

  private SlotFinder(OfficeSchedule schedule) {
    this.schedule = schedule;
    this.office = schedule.office();
    this.zone = office.zone();
    this.plans =
        schedule.resources().stream()
            .sorted(Comparator.comparing(scheduled -> scheduled.resource().id()))
            .map(scheduled -> new ResourcePlan(scheduled, zone))
            .collect(ImmutableList.toImmutableList());
    this.closures =
        schedule.closures().stream()
            .map(OfficeClosure::date)
            .collect(ImmutableSet.toImmutableSet());
  }

  /** Compiles {@code schedule} for fast queries. */
  public static SlotFinder of(OfficeSchedule schedule) {
    return new SlotFinder(checkNotNull(schedule, "schedule"));
  }

  public OfficeSchedule schedule() {
    return schedule;
  }

  /**
   * Every free slot on the days of {@code dates} that lie within the booking horizon at {@code
   * now}.
   */
  public Availability findSlots(
      AppointmentRequest request, DateRange dates, Occupancy occupancy, Instant now) {
    checkNotNull(dates, "dates");
    Query query = new Query(request, occupancy, now);
    DateRange bookable = dates.intersection(query.bookableDates());
    ImmutableList.Builder<DayAvailability> days = ImmutableList.builder();
    for (LocalDate date = bookable.start();
        date.isBefore(bookable.endExclusive());
        date = date.plusDays(1)) {
      int candidates = query.evaluate(date, query.earliestStartMinute, false);
      ImmutableList<Slot> slots = query.slots(candidates);
      if (!slots.isEmpty()) {
        days.add(new DayAvailability(date, slots));
      }
    }
    return new Availability(office.id(), zone, request.duration(), days.build());
  }

  /** The earliest free slot that starts at or after {@code from}, if the horizon holds one. */
  public Optional<Slot> firstFreeSlot(
      AppointmentRequest request, Instant from, Occupancy occupancy, Instant now) {
    checkNotNull(from, "from");
    Query query = new Query(request, occupancy, now);
    long notBefore = Math.max(EpochMinutes.ceil(from), query.earliestStartMinute);
    DateRange bookable = query.bookableDates();
    LocalDate first = LocalDate.ofInstant(Instant.ofEpochSecond(notBefore * 60), zone);
    if (first.isBefore(bookable.start())) {
      first = bookable.start();
    }
    for (LocalDate date = first; date.isBefore(bookable.endExclusive()); date = date.plusDays(1)) {
      int candidates = query.evaluate(date, notBefore, false);
      for (int i = 0; i < candidates; i++) {
        if (query.capacity[i] > 0) {
          return Optional.of(
              new Slot(query.frame.instantAt(query.candidates[i]), query.capacity[i]));
        }
      }
    }
    return Optional.empty();
  }

  /** The days of {@code month} that have at least one free slot, for a calendar view. */
  public ImmutableSortedSet<LocalDate> daysWithFreeSlots(
      AppointmentRequest request, YearMonth month, Occupancy occupancy, Instant now) {
    checkNotNull(month, "month");
    Query query = new Query(request, occupancy, now);
    DateRange bookable =
        DateRange.closed(month.atDay(1), month.atEndOfMonth()).intersection(query.bookableDates());
    ImmutableSortedSet.Builder<LocalDate> days = ImmutableSortedSet.naturalOrder();
    for (LocalDate date = bookable.start();
        date.isBefore(bookable.endExclusive());
        date = date.plusDays(1)) {
      int candidates = query.evaluate(date, query.earliestStartMinute, true);
      if (query.anyCapacity(candidates)) {
        days.add(date);
      }
    }
    return days.build();
  }

  /**
   * The qualified resources free for the whole appointment starting at {@code start}, sorted by id;
   * empty when {@code start} is not a start this finder would offer at {@code now}. A hold picks
   * one of these.
   */
  public ImmutableList<ResourceId> freeResourcesAt(
      AppointmentRequest request, Instant start, Occupancy occupancy, Instant now) {
    checkNotNull(start, "start");
    Query query = new Query(request, occupancy, now);
    LocalDate date = LocalDate.ofInstant(start, zone);
    if (!EpochMinutes.isWholeMinute(start) || !query.bookableDates().contains(date)) {
      return ImmutableList.of();
    }
    int candidates = query.evaluate(date, query.earliestStartMinute, false);
    if (candidates == 0) {
      // No resource qualifies, the office is closed, or the day has no start: the day's frame was
      // never set up, and nothing is free.
      return ImmutableList.of();
    }
    int minute = (int) (EpochMinutes.floor(start) - query.frame.startEpochMinute);
    int index = Arrays.binarySearch(query.candidates, 0, candidates, minute);
    if (index < 0 || query.capacity[index] == 0) {
      return ImmutableList.of();
    }
    ImmutableList.Builder<ResourceId> free = ImmutableList.builder();
    boolean holiday = query.isHoliday(date);
    for (ResourcePlan plan : query.qualified) {
      if (plan.mayWorkOn(date, holiday)) {
        plan.freeTime(query.frame, holiday, occupancy.of(plan.resource.id()), now, query.free);
        if (query.free.covers(minute, minute + query.durationMinutes)) {
          free.add(plan.resource.id());
        }
      }
    }
    return free.build();
  }

  /** One query's inputs and scratch space; lives for one method call on one thread. */
  private final class Query {
    private static final int MINUTES_PER_DAY = 24 * 60;

    final ImmutableList<ResourcePlan> qualified;
    final int durationMinutes;
    final Occupancy occupancy;
    final Instant now;
    final long earliestStartMinute;
    final LocalDate today;
    final LocalDate lastDate;
    final IntervalBuffer free = new IntervalBuffer();
    final int[] candidates;
    final int[] capacity;
    private final Map<Integer, Set<LocalDate>> holidaysByYear = new HashMap<>();
    DayFrame frame;

    Query(AppointmentRequest request, Occupancy occupancy, Instant now) {
      checkNotNull(request, "request");
      checkNotNull(occupancy, "occupancy");
      checkNotNull(now, "now");
      checkArgument(
          request.office().id().equals(office.id()),
          "request is for office %s, this finder serves %s",
          request.office().id(),
          office.id());
      this.qualified =
          plans.stream()
              .filter(plan -> request.servableBy(plan.resource))
              .collect(ImmutableList.toImmutableList());
      this.durationMinutes = request.durationMinutes();
      this.occupancy = occupancy;
      this.now = now;
      this.earliestStartMinute = EpochMinutes.ceil(now.plus(office.horizon().minimumNotice()));
      this.today = LocalDate.ofInstant(now, zone);
      this.lastDate = today.plusDays(office.horizon().maximumDaysAhead());
      int maxCandidates = MINUTES_PER_DAY / office.slotMinutes();
      this.candidates = new int[maxCandidates];
      this.capacity = new int[maxCandidates];
    }

    DateRange bookableDates() {
      return DateRange.closed(today, lastDate);
    }

    /**
     * Computes the start candidates of {@code date} not before {@code notBeforeMinute} and their
     * capacity; returns how many candidates there are. With {@code stopAtFirst}, counting stops as
     * soon as one candidate has capacity.
     */
    int evaluate(LocalDate date, long notBeforeMinute, boolean stopAtFirst) {
      if (qualified.isEmpty() || closures.contains(date)) {
        return 0;
      }
      frame = new DayFrame(date, zone);
      int count = 0;
      int grid = office.slotMinutes();
      for (int local = 0; local < MINUTES_PER_DAY; local += grid) {
        int minute = frame.startTime(local);
        if (minute >= 0
            && frame.startEpochMinute + minute >= notBeforeMinute
            && minute + durationMinutes <= frame.lengthMinutes) {
          candidates[count] = minute;
          capacity[count] = 0;
          count++;
        }
      }
      if (count == 0) {
        return 0;
      }
      boolean holiday = isHoliday(date);
      for (ResourcePlan plan : qualified) {
        if (!plan.mayWorkOn(date, holiday)) {
          continue;
        }
        plan.freeTime(frame, holiday, occupancy.of(plan.resource.id()), now, free);
        boolean counted = false;
        for (int i = 0; i < free.size(); i++) {
          int latestStart = free.end(i) - durationMinutes;
          int index = lowerBound(count, free.start(i));
          while (index < count && candidates[index] <= latestStart) {
            capacity[index]++;
            counted = true;
            index++;
          }
        }
        if (stopAtFirst && counted) {
          break;
        }
      }
      return count;
    }

    ImmutableList<Slot> slots(int count) {
      ImmutableList.Builder<Slot> slots = ImmutableList.builder();
      for (int i = 0; i < count; i++) {
        if (capacity[i] > 0) {
          slots.add(new Slot(frame.instantAt(candidates[i]), capacity[i]));
        }
      }
      return slots.build();
    }

    boolean anyCapacity(int count) {
      for (int i = 0; i < count; i++) {
        if (capacity[i] > 0) {
          return true;
        }
      }
      return false;
    }

    boolean isHoliday(LocalDate date) {
      return holidaysByYear
          .computeIfAbsent(
              date.getYear(),
              year ->
                  schedule.holidays().holidaysIn(year).stream()
                      .map(Holiday::date)
                      .collect(ImmutableSet.toImmutableSet()))
          .contains(date);
    }

    private int lowerBound(int count, int minute) {
      int low = 0;
      int high = count;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (candidates[mid] < minute) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }
  }
}
