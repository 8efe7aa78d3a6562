package org.opentermin.core.availability;

import com.google.common.collect.ImmutableList;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.opentermin.core.calendar.GermanState;
import org.opentermin.core.calendar.Holiday;
import org.opentermin.core.calendar.HolidayCalendar;
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
import org.opentermin.core.time.DateRange;
import org.opentermin.core.time.TimeOfDayRange;
import org.opentermin.core.worktime.Absence;
import org.opentermin.core.worktime.ExtraTime;
import org.opentermin.core.worktime.OfficeClosure;
import org.opentermin.core.worktime.WeeklyRule;
import org.opentermin.core.worktime.WorkingTime;

/**
 * A small random office, its bookings and a request, built from one seed so that a failing case can
 * be replayed. Dates cluster around daylight saving changes of zones with unusual rules (a
 * half-hour shift, a change at midnight) so that those days are tried often.
 */
record RandomScenario(
    OfficeSchedule schedule,
    AppointmentRequest request,
    List<BusyPeriod> busy,
    DateRange dates,
    Instant now) {

  private static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/New_York"),
          ZoneId.of("Australia/Lord_Howe"),
          ZoneId.of("America/Havana"),
          ZoneId.of("America/Santiago"),
          ZoneId.of("UTC"));

  private static final OfficeId OFFICE = OfficeId.of("office");
  private static final List<Service> SERVICES =
      List.of(
          Service.of(
              ServiceId.of("short"),
              "Short",
              Duration.ofMinutes(10),
              3,
              EnumSet.allOf(Channel.class),
              false),
          Service.of(
              ServiceId.of("medium"),
              "Medium",
              Duration.ofMinutes(25),
              2,
              EnumSet.allOf(Channel.class),
              true),
          Service.of(
              ServiceId.of("long"),
              "Long",
              Duration.ofMinutes(50),
              1,
              EnumSet.allOf(Channel.class),
              false));

  static RandomScenario fromSeed(long seed) {
    Random random = new Random(seed);
    ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
    LocalDate base = baseDate(zone, random);
    int grid = List.of(5, 10, 15, 20, 30).get(random.nextInt(5));
    Office office =
        new Office(
            OFFICE,
            "Random office",
            zone,
            HolidayRegion.of(GermanState.BERLIN),
            grid,
            BookingHorizon.of(Duration.ofMinutes(random.nextInt(4) * 45L), 1 + random.nextInt(6)),
            Office.DEFAULT_HOLD_DURATION);

    List<ScheduledResource> resources = new ArrayList<>();
    int resourceCount = 1 + random.nextInt(3);
    for (int i = 0; i < resourceCount; i++) {
      List<ServiceId> skills = new ArrayList<>();
      for (Service service : SERVICES) {
        if (random.nextInt(4) > 0) {
          skills.add(service.id());
        }
      }
      Resource resource =
          Resource.of(
              ResourceId.of("r" + i), OFFICE, "Resource " + i, ResourceKind.CASEWORKER, skills);
      resources.add(new ScheduledResource(resource, workingTime(random, base)));
    }
    List<OfficeClosure> closures = new ArrayList<>();
    if (random.nextInt(4) == 0) {
      closures.add(new OfficeClosure(base.plusDays(random.nextInt(5)), "closed"));
    }
    List<Holiday> holidays = new ArrayList<>();
    if (random.nextInt(3) == 0) {
      holidays.add(new Holiday(base.plusDays(random.nextInt(5)), "holiday"));
    }
    OfficeSchedule schedule =
        new OfficeSchedule(
            office,
            ImmutableList.copyOf(resources),
            ImmutableList.copyOf(closures),
            HolidayCalendar.of(holidays));

    List<RequestedService> requested = new ArrayList<>();
    for (Service service : SERVICES) {
      if (random.nextInt(3) == 0) {
        requested.add(RequestedService.of(service, 1 + random.nextInt(service.maxPersons())));
      }
    }
    if (requested.isEmpty()) {
      requested.add(RequestedService.of(SERVICES.get(random.nextInt(SERVICES.size())), 1));
    }
    AppointmentRequest request = AppointmentRequest.of(office, Channel.ONLINE, requested);

    Instant now =
        base.minusDays(1).atStartOfDay(zone).toInstant().plusSeconds(random.nextInt(2 * 24 * 3600));
    List<BusyPeriod> busy = new ArrayList<>();
    int busyCount = random.nextInt(12);
    for (int i = 0; i < busyCount; i++) {
      ResourceId resource = ResourceId.of("r" + random.nextInt(resourceCount));
      Instant start =
          base.atStartOfDay(zone).toInstant().plusSeconds(60L * random.nextInt(5 * 24 * 60));
      Instant end =
          start.plusSeconds(
              60L * (1 + random.nextInt(180)) + (random.nextBoolean() ? 0 : random.nextInt(60)));
      busy.add(
          random.nextBoolean()
              ? BusyPeriod.booking(resource, start, end)
              : BusyPeriod.hold(resource, start, end, now.plusSeconds(random.nextInt(1200) - 600)));
    }
    DateRange dates =
        DateRange.closed(base.minusDays(random.nextInt(2)), base.plusDays(random.nextInt(5)));
    return new RandomScenario(schedule, request, busy, dates, now);
  }

  /** Near a daylight saving change of the zone half of the time, else an ordinary date. */
  private static LocalDate baseDate(ZoneId zone, Random random) {
    List<LocalDate> changes =
        zone.getRules().getTransitionRules().stream()
            .map(rule -> rule.createTransition(2026).getDateTimeBefore().toLocalDate())
            .toList();
    if (!changes.isEmpty() && random.nextBoolean()) {
      return changes.get(random.nextInt(changes.size())).minusDays(random.nextInt(3));
    }
    return LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365));
  }

  private static WorkingTime workingTime(Random random, LocalDate base) {
    WorkingTime.Builder builder = WorkingTime.builder();
    int ruleCount = 1 + random.nextInt(3);
    for (int i = 0; i < ruleCount; i++) {
      WeeklyRule rule = WeeklyRule.weekly(randomDays(random), randomHours(random));
      if (random.nextInt(4) == 0) {
        rule = rule.everyWeeks(2, base.plusDays(random.nextInt(14) - 7));
      }
      if (random.nextInt(4) == 0) {
        rule =
            rule.validDuring(
                DateRange.closed(
                    base.plusDays(random.nextInt(3)), base.plusDays(2 + random.nextInt(5))));
      }
      builder.rule(rule);
    }
    if (random.nextBoolean()) {
      builder.breakRule(WeeklyRule.weekly(randomDays(random), randomHours(random)));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      builder.extraTime(new ExtraTime(base.plusDays(random.nextInt(5)), randomHours(random)));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      LocalDate day = base.plusDays(random.nextInt(5));
      if (random.nextInt(3) == 0) {
        builder.absence(Absence.wholeDays(day, day.plusDays(random.nextInt(2))));
      } else {
        builder.absence(Absence.partOfDay(day, randomHours(random)));
      }
    }
    return builder.build();
  }

  private static Set<DayOfWeek> randomDays(Random random) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (random.nextInt(3) > 0) {
        days.add(day);
      }
    }
    if (days.isEmpty()) {
      days.add(DayOfWeek.of(1 + random.nextInt(7)));
    }
    return days;
  }

  /** Hours on a 5-minute raster anywhere in the day, night hours included (daylight saving!). */
  private static TimeOfDayRange randomHours(Random random) {
    int start = 5 * random.nextInt(287);
    int end = Math.min(1439, start + 5 * (1 + random.nextInt(120)));
    return new TimeOfDayRange(
        LocalTime.of(start / 60, start % 60), LocalTime.of(end / 60, end % 60));
  }
}
