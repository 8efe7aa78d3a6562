package org.opentermin.benchmarks;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import com.google.common.collect.ImmutableList;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.opentermin.core.availability.AppointmentRequest;
import org.opentermin.core.availability.BusyPeriod;
import org.opentermin.core.availability.OfficeSchedule;
import org.opentermin.core.availability.RequestedService;
import org.opentermin.core.availability.ScheduledResource;
import org.opentermin.core.calendar.HolidayRegion;
import org.opentermin.core.catalog.BookingHorizon;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ResourceKind;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.worktime.Absence;
import org.opentermin.core.worktime.WeeklyRule;
import org.opentermin.core.worktime.WorkingTime;

/**
 * A seeded, realistic office for benchmarks: caseworkers with varied weekly hours (full time, part
 * time, late shifts, every other Friday), lunch breaks and absences, 25 services on a 10-minute
 * grid, and bookings spread over the horizon at a fixed density (8,000 for 40 caseworkers over 60
 * days). Immutable once built.
 */
public record SyntheticOffice(
    OfficeSchedule schedule,
    AppointmentRequest twoServiceRequest,
    ImmutableList<BusyPeriod> bookings,
    Instant now,
    LocalDate firstDay,
    int days) {

  /** Bookings per caseworker and calendar day: 8,000 / (40 × 60). */
  public static final double BOOKINGS_PER_RESOURCE_DAY = 8_000.0 / (40 * 60);

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final Set<DayOfWeek> WEEKDAYS =
      EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);
  private static final int SERVICES = 25;
  private static final int[] DURATIONS = {10, 15, 20, 30, 45, 60};

  /** The office of the workload: 40 caseworkers, 60 days. */
  public static SyntheticOffice standard() {
    return build(40, 60, 2026);
  }

  /** An office with {@code resources} caseworkers and a horizon of {@code days}. */
  public static SyntheticOffice build(int resources, int days, long seed) {
    Random random = new Random(seed);
    LocalDate firstDay = LocalDate.of(2027, 2, 1);
    Instant now = ZonedDateTime.of(firstDay.atTime(6, 0), ZONE).toInstant();
    Office office =
        new Office(
            OfficeId.of("benchmark"),
            "Benchmark office",
            ZONE,
            HolidayRegion.munich(),
            10,
            BookingHorizon.of(Duration.ofHours(1), days - 1),
            Office.DEFAULT_HOLD_DURATION);

    List<Service> services = new ArrayList<>();
    for (int i = 0; i < SERVICES; i++) {
      services.add(
          Service.of(
              ServiceId.of("service-" + i),
              "Service " + i,
              Duration.ofMinutes(DURATIONS[random.nextInt(DURATIONS.length)]),
              2,
              EnumSet.allOf(Channel.class),
              i % 5 == 0));
    }

    List<ScheduledResource> scheduled = new ArrayList<>();
    for (int i = 0; i < resources; i++) {
      List<ServiceId> skills = new ArrayList<>();
      for (Service service : services) {
        if (random.nextInt(100) < 55) {
          skills.add(service.id());
        }
      }
      Resource resource =
          Resource.of(
              ResourceId.of(String.format("caseworker-%03d", i)),
              office.id(),
              "Caseworker " + i,
              ResourceKind.CASEWORKER,
              skills);
      scheduled.add(new ScheduledResource(resource, workingTime(random, firstDay, days)));
    }

    AppointmentRequest request =
        AppointmentRequest.of(
            office,
            Channel.ONLINE,
            List.of(
                RequestedService.of(services.get(0), 1), RequestedService.of(services.get(1), 1)));

    return new SyntheticOffice(
        OfficeSchedule.of(office, scheduled, List.of()),
        request,
        bookings(random, scheduled, services, firstDay, days),
        now,
        firstDay,
        days);
  }

  private static WorkingTime workingTime(Random random, LocalDate firstDay, int days) {
    WorkingTime.Builder time = WorkingTime.builder();
    switch (random.nextInt(5)) {
      case 0 ->
          time.rule(WeeklyRule.weekly(WEEKDAYS, "08:00", "16:00"))
              .breakRule(WeeklyRule.weekly(WEEKDAYS, "12:00", "12:30"));
      case 1 ->
          time.rule(WeeklyRule.weekly(EnumSet.of(MONDAY, TUESDAY, WEDNESDAY), "08:00", "13:00"));
      case 2 ->
          time.rule(WeeklyRule.weekly(EnumSet.of(TUESDAY, WEDNESDAY, THURSDAY), "11:00", "18:00"))
              .breakRule(
                  WeeklyRule.weekly(EnumSet.of(TUESDAY, WEDNESDAY, THURSDAY), "14:00", "14:30"));
      case 3 ->
          time.rule(
                  WeeklyRule.weekly(
                      EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY), "07:30", "15:30"),
                  WeeklyRule.weekly(EnumSet.of(FRIDAY), "08:00", "12:00").everyWeeks(2, firstDay))
              .breakRule(
                  WeeklyRule.weekly(
                      EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY), "11:45", "12:15"));
      default ->
          time.rule(
              WeeklyRule.weekly(EnumSet.of(MONDAY, WEDNESDAY, FRIDAY), "08:00", "12:00"),
              WeeklyRule.weekly(EnumSet.of(THURSDAY), "13:00", "18:00"));
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      LocalDate day = firstDay.plusDays(random.nextInt(days));
      time.absence(
          random.nextBoolean()
              ? Absence.wholeDays(day, day.plusDays(random.nextInt(5)))
              : new Absence(
                  day.atTime(8 + random.nextInt(4), 0), day.atTime(13 + random.nextInt(4), 0)));
    }
    return time.build();
  }

  /** Non-overlapping bookings on 10-minute starts between 08:00 and 17:00. */
  private static ImmutableList<BusyPeriod> bookings(
      Random random,
      List<ScheduledResource> resources,
      List<Service> services,
      LocalDate firstDay,
      int days) {
    int count = (int) Math.round(BOOKINGS_PER_RESOURCE_DAY * resources.size() * days);
    Map<String, boolean[]> takenMinutes = new HashMap<>();
    ImmutableList.Builder<BusyPeriod> bookings = ImmutableList.builder();
    int placed = 0;
    while (placed < count) {
      ResourceId resource = resources.get(random.nextInt(resources.size())).resource().id();
      int day = random.nextInt(days);
      int start = 8 * 60 + 10 * random.nextInt(54);
      int minutes = (int) services.get(random.nextInt(services.size())).duration().toMinutes();
      boolean[] taken =
          takenMinutes.computeIfAbsent(resource + "/" + day, key -> new boolean[24 * 60]);
      if (isFree(taken, start, minutes)) {
        for (int m = start; m < start + minutes; m++) {
          taken[m] = true;
        }
        ZonedDateTime begin =
            ZonedDateTime.of(firstDay.plusDays(day).atTime(start / 60, start % 60), ZONE);
        bookings.add(
            BusyPeriod.booking(
                resource, begin.toInstant(), begin.plusMinutes(minutes).toInstant()));
        placed++;
      }
    }
    return bookings.build();
  }

  private static boolean isFree(boolean[] taken, int start, int minutes) {
    for (int m = start; m < start + minutes; m++) {
      if (taken[m]) {
        return false;
      }
    }
    return true;
  }
}
