package org.opentermin.core.availability;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
import org.opentermin.core.worktime.OfficeClosure;
import org.opentermin.core.worktime.WorkingTime;

/** A small Munich social welfare office to test slot generation against. */
final class Fixtures {

  static final ZoneId BERLIN_TIME = ZoneId.of("Europe/Berlin");
  static final OfficeId OFFICE_ID = OfficeId.of("sbh-mitte");
  static final Set<DayOfWeek> WEEKDAYS = EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);

  /** Monday, 2026-12-07: an ordinary week without holidays. */
  static final LocalDate MONDAY_DATE = LocalDate.of(2026, 12, 7);

  static final Service BASIC_INCOME =
      Service.of(
          ServiceId.of("basic-income"),
          "Grundsicherung",
          Duration.ofMinutes(30),
          3,
          EnumSet.allOf(Channel.class),
          true);
  static final Service HOUSING =
      Service.of(
          ServiceId.of("housing"),
          "Wohngeld",
          Duration.ofMinutes(20),
          2,
          EnumSet.of(Channel.ONLINE, Channel.PHONE),
          false);
  static final Service DEBT_ADVICE =
      Service.of(
          ServiceId.of("debt-advice"),
          "Schuldnerberatung",
          Duration.ofMinutes(60),
          1,
          EnumSet.of(Channel.PHONE),
          true);

  private Fixtures() {}

  static Office office() {
    return office(10, BookingHorizon.of(Duration.ZERO, 60));
  }

  static Office office(int slotMinutes, BookingHorizon horizon) {
    return new Office(
        OFFICE_ID,
        "Sozialbürgerhaus Mitte",
        BERLIN_TIME,
        HolidayRegion.munich(),
        slotMinutes,
        horizon,
        Office.DEFAULT_HOLD_DURATION);
  }

  static Resource caseworker(String id, Service... skills) {
    return Resource.of(
        ResourceId.of(id),
        OFFICE_ID,
        "Caseworker " + id,
        ResourceKind.CASEWORKER,
        ImmutableSet.copyOf(List.of(skills)).stream().map(Service::id).toList());
  }

  static ScheduledResource scheduled(Resource resource, WorkingTime workingTime) {
    return new ScheduledResource(resource, workingTime);
  }

  static SlotFinder finder(Office office, ScheduledResource... resources) {
    return SlotFinder.of(OfficeSchedule.of(office, List.of(resources), List.of()));
  }

  static SlotFinder finder(
      Office office, List<OfficeClosure> closures, ScheduledResource... resources) {
    return SlotFinder.of(OfficeSchedule.of(office, List.of(resources), closures));
  }

  static AppointmentRequest request(Office office, Service service, int persons) {
    return AppointmentRequest.of(
        office, Channel.ONLINE, ImmutableList.of(RequestedService.of(service, persons)));
  }

  /** The instant of a local date and time in Berlin (earlier offset when ambiguous). */
  static Instant at(LocalDate date, String time) {
    return ZonedDateTime.of(date, LocalTime.parse(time), BERLIN_TIME).toInstant();
  }

  /** The local times (in Berlin) at which the slots start. */
  static List<LocalTime> localStarts(List<Slot> slots) {
    return slots.stream().map(slot -> slot.start().atZone(BERLIN_TIME).toLocalTime()).toList();
  }
}
