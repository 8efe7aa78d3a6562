package org.opentermin.jdbc;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opentermin.core.calendar.GermanState;
import org.opentermin.core.calendar.HolidayRegion;
import org.opentermin.core.calendar.RegionalHoliday;
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
import org.opentermin.jdbc.CatalogSql.OfficeRow;
import org.opentermin.jdbc.CatalogSql.ResourceRow;
import org.opentermin.jdbc.CatalogSql.ServiceDurationRow;
import org.opentermin.jdbc.CatalogSql.ServiceModeResourceRow;
import org.opentermin.jdbc.CatalogSql.ServiceModeRow;
import org.opentermin.jdbc.CatalogSql.ServiceRow;

/** Offices, services and resources from their {@link CatalogSql} rows. */
final class CatalogRows {

  private CatalogRows() {}

  static Office office(OfficeRow row) {
    GermanState state = GermanState.fromCode(row.state()).orElseThrow();
    ImmutableSet<RegionalHoliday> regional =
        Arrays.stream(row.regionalHolidays())
            .map(RegionalHoliday::valueOf)
            .collect(ImmutableSet.toImmutableSet());
    return new Office(
        OfficeId.of(row.officeId()),
        row.name(),
        ZoneId.of(row.timeZone()),
        new HolidayRegion(state, regional),
        row.slotMinutes(),
        BookingHorizon.of(Duration.ofSeconds(row.minNoticeSeconds()), row.maxDaysAhead()),
        Duration.ofSeconds(row.holdSeconds()),
        Optional.ofNullable(row.address()));
  }

  static Service service(
      ServiceRow row,
      List<ServiceDurationRow> durations,
      List<ServiceModeRow> modeRows,
      List<ServiceModeResourceRow> resourceRows) {
    return new Service(
        ServiceId.of(row.serviceId()),
        row.name(),
        Duration.ofMinutes(row.durationMinutes()),
        durations.stream()
            .collect(
                ImmutableMap.toImmutableMap(
                    duration -> OfficeId.of(duration.officeId()),
                    duration -> Duration.ofMinutes(duration.durationMinutes()))),
        row.maxPersons(),
        Arrays.stream(row.channels()).map(Channel::valueOf).collect(ImmutableSet.toImmutableSet()),
        row.sensitive(),
        modes(modeRows, resourceRows));
  }

  /** A service without mode rows is served in person only (see V9__appointment_modes.sql). */
  static ImmutableMap<AppointmentMode, ModeOptions> modes(
      List<ServiceModeRow> modeRows, List<ServiceModeResourceRow> resourceRows) {
    if (modeRows.isEmpty()) {
      return Service.IN_PERSON_ONLY;
    }
    ImmutableMap.Builder<AppointmentMode, ModeOptions> modes = ImmutableMap.builder();
    for (ServiceModeRow modeRow : modeRows) {
      ImmutableSetMultimap<OfficeId, ResourceId> resources =
          resourceRows.stream()
              .filter(resource -> resource.mode().equals(modeRow.mode()))
              .collect(
                  ImmutableSetMultimap.toImmutableSetMultimap(
                      resource -> OfficeId.of(resource.officeId()),
                      resource -> ResourceId.of(resource.resourceId())));
      Optional<Duration> duration =
          Optional.ofNullable(modeRow.durationMinutes()).map(Duration::ofMinutes);
      modes.put(AppointmentMode.valueOf(modeRow.mode()), new ModeOptions(duration, resources));
    }
    return modes.build();
  }

  static Resource resource(OfficeId office, ResourceRow row) {
    return new Resource(
        ResourceId.of(row.resourceId()),
        office,
        row.name(),
        ResourceKind.valueOf(row.kind()),
        Arrays.stream(row.skills()).map(ServiceId::of).collect(ImmutableSet.toImmutableSet()),
        Optional.ofNullable(row.teamId()).map(TeamId::of));
  }
}
