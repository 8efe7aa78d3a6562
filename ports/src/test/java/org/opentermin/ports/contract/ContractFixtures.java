package org.opentermin.ports.contract;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.opentermin.core.calendar.HolidayRegion;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.BookingHorizon;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ModeOptions;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ResourceKind;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.time.DateRange;
import org.opentermin.core.time.TimeOfDayRange;
import org.opentermin.core.worktime.Absence;
import org.opentermin.core.worktime.ExtraTime;
import org.opentermin.core.worktime.WeeklyRule;
import org.opentermin.core.worktime.WorkingTime;
import org.opentermin.ports.out.CatalogStore;

/**
 * A small catalog for contract and service tests: two Munich offices, two services, two caseworkers
 * in the first office who work weekday mornings. Times are in the week of Monday, 7 December 2026.
 */
public final class ContractFixtures {

  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  public static final LocalDate MONDAY_DATE = LocalDate.of(2026, 12, 7);

  /** Sunday evening before the test week. */
  public static final Instant NOW = at(MONDAY_DATE.minusDays(1), 18, 0);

  public static final OfficeId OFFICE = OfficeId.of("sbh-nord");
  public static final OfficeId OTHER_OFFICE = OfficeId.of("sbh-sued");
  public static final ResourceId ANNA = ResourceId.of("anna");
  public static final ResourceId BEN = ResourceId.of("ben");

  public static final Service BASIC_INCOME =
      Service.of(
          ServiceId.of("basic-income"),
          "Grundsicherung",
          Duration.ofMinutes(30),
          2,
          EnumSet.allOf(Channel.class),
          true);
  public static final Service HOUSING =
      Service.of(
              ServiceId.of("housing"),
              "Wohngeld",
              Duration.ofMinutes(20),
              3,
              EnumSet.of(Channel.ONLINE, Channel.PHONE),
              false)
          .withDurationAtOffices(Map.of(OTHER_OFFICE, Duration.ofMinutes(40)));

  /**
   * Housing also by phone, in 10 minutes, and by video, served only by Ben at the first office:
   * save it over {@link #HOUSING} to book in every mode.
   */
  public static final Service HOUSING_IN_EVERY_MODE =
      HOUSING.withModes(
          Map.of(
              AppointmentMode.IN_PERSON, ModeOptions.DEFAULT,
              AppointmentMode.PHONE, ModeOptions.lasting(Duration.ofMinutes(10)),
              AppointmentMode.VIDEO, ModeOptions.DEFAULT.servedAt(OFFICE, List.of(BEN))));

  public static final WorkingTime MORNINGS =
      WorkingTime.builder()
          .rule(
              WeeklyRule.weekly(
                  EnumSet.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY), "08:00", "12:00"))
          .build();

  private ContractFixtures() {}

  public static Office office(OfficeId id, String name) {
    return new Office(
        id,
        name,
        ZONE,
        HolidayRegion.munich(),
        10,
        BookingHorizon.of(Duration.ZERO, 60),
        Duration.ofMinutes(10));
  }

  public static Resource caseworker(ResourceId id, OfficeId office) {
    return Resource.of(
            id,
            office,
            "Caseworker " + id,
            ResourceKind.CASEWORKER,
            List.of(BASIC_INCOME.id(), HOUSING.id()))
        .inTeam(TeamId.of("team-a"));
  }

  /** A working time that uses every feature, to check that stores keep all of it. */
  public static WorkingTime everyFeature() {
    return WorkingTime.builder()
        .rule(
            WeeklyRule.weekly(EnumSet.of(MONDAY, WEDNESDAY), "08:00", "12:00"),
            WeeklyRule.weekly(EnumSet.of(THURSDAY), "13:00", "18:30")
                .validDuring(DateRange.closed(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)))
                .everyWeeks(2, LocalDate.of(2026, 1, 8)),
            WeeklyRule.weekly(EnumSet.of(FRIDAY), "07:30", "11:00")
                .validDuring(DateRange.startingOn(LocalDate.of(2026, 3, 1))))
        .breakRule(WeeklyRule.weekly(EnumSet.of(MONDAY), "10:00", "10:15"))
        .extraTime(ExtraTime.of(LocalDate.of(2026, 12, 12), "09:00", "12:00"))
        .absence(Absence.wholeDays(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 31)))
        .absence(Absence.partOfDay(LocalDate.of(2026, 12, 9), TimeOfDayRange.of("08:00", "09:30")))
        .build();
  }

  /** Fills {@code catalog} with both offices, both services and both caseworkers. */
  public static void fill(CatalogStore catalog) {
    catalog.saveOffice(office(OFFICE, "Sozialbürgerhaus Nord"));
    catalog.saveOffice(office(OTHER_OFFICE, "Sozialbürgerhaus Süd"));
    catalog.saveService(BASIC_INCOME);
    catalog.saveService(HOUSING);
    for (ResourceId id : List.of(ANNA, BEN)) {
      catalog.saveResource(caseworker(id, OFFICE));
      catalog.saveWorkingTime(OFFICE, id, MORNINGS);
    }
    catalog.saveResource(caseworker(ANNA, OTHER_OFFICE));
    catalog.saveWorkingTime(OTHER_OFFICE, ANNA, MORNINGS);
  }

  /** The instant of a local time in the fixtures' zone. */
  public static Instant at(LocalDate date, int hour, int minute) {
    return ZonedDateTime.of(date.atTime(hour, minute), ZONE).toInstant();
  }
}
