package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opentermin.core.availability.OfficeSchedule;
import org.opentermin.core.availability.ScheduledResource;
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
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.FairnessSecret;
import org.opentermin.core.privacy.RetentionPeriod;
import org.opentermin.core.time.DateRange;
import org.opentermin.core.time.TimeOfDayRange;
import org.opentermin.core.worktime.Absence;
import org.opentermin.core.worktime.ExtraTime;
import org.opentermin.core.worktime.OfficeClosure;
import org.opentermin.core.worktime.WeeklyRule;
import org.opentermin.core.worktime.WorkingTime;
import org.opentermin.jdbc.AccessPolicySql.PolicyRow;
import org.opentermin.jdbc.CatalogSql.OfficeRow;
import org.opentermin.jdbc.CatalogSql.ResourceRow;
import org.opentermin.jdbc.CatalogSql.ServiceDurationRow;
import org.opentermin.jdbc.CatalogSql.ServiceModeResourceRow;
import org.opentermin.jdbc.CatalogSql.ServiceModeRow;
import org.opentermin.jdbc.CatalogSql.ServiceRow;
import org.opentermin.jdbc.WorkingTimeSql.AbsenceRow;
import org.opentermin.jdbc.WorkingTimeSql.ClosureRow;
import org.opentermin.jdbc.WorkingTimeSql.ExtraTimeRow;
import org.opentermin.jdbc.WorkingTimeSql.RuleRow;
import org.opentermin.ports.out.CatalogStore;

/** {@link CatalogStore} in PostgreSQL. Each method is one transaction. */
final class JdbiCatalogStore implements CatalogStore {

  private static final String WORK = "WORK";
  private static final String BREAK = "BREAK";
  /** The service_id of an office's own row in access_policies. */
  private static final String OFFICE_POLICY = "";

  private final Transactions transactions;

  JdbiCatalogStore(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public void saveOffice(Office office) {
    checkNotNull(office, "office");
    OfficeRow row = new OfficeRow(
        office.id().value(),
        office.name(),
        office.zone().getId(),
        office.state().code(),
        office.holidayRegion().regionalHolidays().stream().map(Enum::name).sorted().toArray(String[]::new),
        office.slotMinutes(),
        office.horizon().minimumNotice().toSeconds(),
        office.horizon().maximumDaysAhead(),
        office.holdDuration().toSeconds(),
        office.address().orElse(null));
    transactions.write(handle -> CatalogSql.upsertOffice(handle, row), "office");
  }

  @Override
  public Optional<Office> office(OfficeId id) {
    return transactions.read(handle -> CatalogSql.office(handle, id.value()).map(JdbiCatalogStore::office));
  }

  @Override
  public ImmutableList<Office> offices() {
    return transactions.read(handle ->
        CatalogSql.offices(handle).stream().map(JdbiCatalogStore::office).collect(ImmutableList.toImmutableList()));
  }

  @Override
  public void saveService(Service service) {
    checkNotNull(service, "service");
    ServiceRow row = new ServiceRow(
        service.id().value(),
        service.name(),
        (int) service.duration().toMinutes(),
        service.maxPersons(),
        service.channels().stream().map(Enum::name).sorted().toArray(String[]::new),
        service.sensitive());
    List<ServiceDurationRow> durations = service.durationAtOffice().entrySet().stream()
        .map(entry -> new ServiceDurationRow(service.id().value(), entry.getKey().value(), (int) entry.getValue().toMinutes()))
        .toList();
    List<ServiceModeRow> modes = service.modes().entrySet().stream()
        .map(entry -> new ServiceModeRow(service.id().value(), entry.getKey().name(),
            entry.getValue().duration().map(duration -> (int) duration.toMinutes()).orElse(null)))
        .toList();
    List<ServiceModeResourceRow> modeResources = service.modes().entrySet().stream()
        .flatMap(entry -> entry.getValue().resources().entries().stream()
            .map(resource -> new ServiceModeResourceRow(
                service.id().value(), entry.getKey().name(), resource.getKey().value(), resource.getValue().value())))
        .toList();
    transactions.write(handle -> {
      CatalogSql.upsertService(handle, row);
      CatalogSql.replaceServiceDurations(handle, service.id().value(), durations);
      CatalogSql.replaceServiceModes(handle, service.id().value(), modes, modeResources);
      // Durations and modes are part of every office's schedule.
      CatalogSql.touchAllOffices(handle);
    }, "office of a service duration or mode");
  }

  @Override
  public Optional<Service> service(ServiceId id) {
    // One snapshot, so that the parts belong together.
    return transactions.readConsistent(handle -> CatalogSql.service(handle, id.value())
        .map(row -> service(row, CatalogSql.serviceDurations(handle, id.value()),
            CatalogSql.serviceModes(handle, id.value()), CatalogSql.serviceModeResources(handle, id.value()))));
  }

  @Override
  public ImmutableList<Service> services() {
    return transactions.readConsistent(handle -> {
      Map<String, List<ServiceDurationRow>> durations =
          CatalogSql.serviceDurations(handle).stream().collect(Collectors.groupingBy(ServiceDurationRow::serviceId));
      Map<String, List<ServiceModeRow>> modes =
          CatalogSql.serviceModes(handle).stream().collect(Collectors.groupingBy(ServiceModeRow::serviceId));
      Map<String, List<ServiceModeResourceRow>> modeResources =
          CatalogSql.serviceModeResources(handle).stream().collect(Collectors.groupingBy(ServiceModeResourceRow::serviceId));
      return CatalogSql.services(handle).stream()
          .map(row -> service(row, durations.getOrDefault(row.serviceId(), List.of()),
              modes.getOrDefault(row.serviceId(), List.of()), modeResources.getOrDefault(row.serviceId(), List.of())))
          .collect(ImmutableList.toImmutableList());
    });
  }

  @Override
  public void saveResource(Resource resource) {
    checkNotNull(resource, "resource");
    String office = resource.office().value();
    String id = resource.id().value();
    transactions.write(handle -> {
      CatalogSql.upsertResource(handle, office, id, resource.name(), resource.kind().name(), resource.team().map(TeamId::value).orElse(null));
      CatalogSql.replaceSkills(handle, office, id, resource.skills().stream().map(ServiceId::value).toArray(String[]::new));
      CatalogSql.touchOffice(handle, office);
    }, "office or service of a resource");
  }

  @Override
  public ImmutableList<Resource> resources(OfficeId office) {
    return transactions.read(handle -> CatalogSql.resources(handle, office.value()).stream()
        .map(row -> resource(office, row))
        .collect(ImmutableList.toImmutableList()));
  }

  @Override
  public void saveWorkingTime(OfficeId office, ResourceId resource, WorkingTime workingTime) {
    checkNotNull(workingTime, "workingTime");
    String officeId = office.value();
    String resourceId = resource.value();
    transactions.write(handle -> {
      if (!CatalogSql.resourceExists(handle, officeId, resourceId)) {
        throw new IllegalArgumentException("unknown resource " + resource + " at office " + office);
      }
      WorkingTimeSql.deleteWorkingTime(handle, officeId, resourceId);
      int position = 0;
      for (WeeklyRule rule : workingTime.rules()) {
        WorkingTimeSql.insertRule(handle, officeId, position++, ruleRow(resourceId, WORK, rule));
      }
      for (WeeklyRule pause : workingTime.breaks()) {
        WorkingTimeSql.insertRule(handle, officeId, position++, ruleRow(resourceId, BREAK, pause));
      }
      position = 0;
      for (ExtraTime extra : workingTime.extraTimes()) {
        WorkingTimeSql.insertExtraTime(handle, officeId, position++,
            new ExtraTimeRow(resourceId, extra.date(), extra.hours().start(), extra.hours().end()));
      }
      position = 0;
      for (Absence absence : workingTime.absences()) {
        WorkingTimeSql.insertAbsence(handle, officeId, position++, new AbsenceRow(resourceId, absence.start(), absence.end()));
      }
      CatalogSql.touchOffice(handle, officeId);
    }, "resource");
  }

  @Override
  public void saveClosure(OfficeId office, OfficeClosure closure) {
    checkNotNull(closure, "closure");
    transactions.write(handle -> {
      WorkingTimeSql.upsertClosure(handle, office.value(), new ClosureRow(closure.date(), closure.reason()));
      CatalogSql.touchOffice(handle, office.value());
    }, "office");
  }

  @Override
  public Optional<OfficeSchedule> schedule(OfficeId officeId) {
    // One snapshot, so that the parts belong together.
    return transactions.readConsistent(handle -> {
      Optional<Office> office = CatalogSql.office(handle, officeId.value()).map(JdbiCatalogStore::office);
      if (office.isEmpty()) {
        return Optional.empty();
      }
      String id = officeId.value();
      Map<String, Resource> resources = new LinkedHashMap<>();
      Map<String, WorkingTime.Builder> times = new LinkedHashMap<>();
      for (ResourceRow row : CatalogSql.resources(handle, id)) {
        resources.put(row.resourceId(), resource(officeId, row));
        times.put(row.resourceId(), WorkingTime.builder());
      }
      for (RuleRow row : WorkingTimeSql.rules(handle, id)) {
        if (row.kind().equals(WORK)) {
          times.get(row.resourceId()).rule(rule(row));
        } else {
          times.get(row.resourceId()).breakRule(rule(row));
        }
      }
      for (ExtraTimeRow row : WorkingTimeSql.extraTimes(handle, id)) {
        times.get(row.resourceId()).extraTime(new ExtraTime(row.day(), new TimeOfDayRange(row.startTime(), row.endTime())));
      }
      for (AbsenceRow row : WorkingTimeSql.absences(handle, id)) {
        times.get(row.resourceId()).absence(new Absence(row.startsAt(), row.endsAt()));
      }
      List<ScheduledResource> scheduled = resources.entrySet().stream()
          .map(entry -> new ScheduledResource(entry.getValue(), times.get(entry.getKey()).build()))
          .toList();
      List<OfficeClosure> closures = WorkingTimeSql.closures(handle, id).stream()
          .map(row -> new OfficeClosure(row.day(), row.reason()))
          .toList();
      return Optional.of(OfficeSchedule.of(office.get(), scheduled, closures));
    });
  }

  @Override
  public long scheduleVersion(OfficeId office) {
    return transactions.read(handle -> CatalogSql.scheduleVersion(handle, office.value()).orElse(0L));
  }

  @Override
  public Optional<AccessPolicies> accessPolicies(OfficeId office) {
    checkNotNull(office, "office");
    // One snapshot, so that the secret and the policies belong together.
    return transactions.readConsistent(handle -> CatalogSql.fairnessSecret(handle, office.value()).map(secret -> {
      AccessPolicy own = AccessPolicy.none();
      ImmutableMap.Builder<ServiceId, AccessPolicy> services = ImmutableMap.builder();
      for (PolicyRow row : AccessPolicySql.accessPolicies(handle, office.value())) {
        if (row.serviceId().equals(OFFICE_POLICY)) {
          own = AccessPolicyRows.policy(row);
        } else {
          services.put(ServiceId.of(row.serviceId()), AccessPolicyRows.policy(row));
        }
      }
      return new AccessPolicies(own, services.build(), FairnessSecret.of(secret));
    }));
  }

  @Override
  public void saveAccessPolicy(OfficeId office, Optional<ServiceId> service, Optional<AccessPolicy> policy) {
    checkNotNull(office, "office");
    checkNotNull(service, "service");
    checkNotNull(policy, "policy");
    String officeId = office.value();
    String serviceId = service.map(ServiceId::value).orElse(OFFICE_POLICY);
    transactions.write(handle -> {
      // First, so that the office row's lock orders concurrent saves of one office's policies.
      if (CatalogSql.touchOffice(handle, officeId) == 0) {
        throw new IllegalArgumentException("unknown office " + office);
      }
      if (service.isPresent() && !CatalogSql.serviceExists(handle, serviceId)) {
        throw new IllegalArgumentException("unknown service " + service.get());
      }
      AccessPolicySql.deleteAccessPolicy(handle, officeId, serviceId);
      // A service's policy with every rule off is kept: it overrides the office's rules. The
      // office's own policy with every rule off is simply no row.
      boolean keep = policy.isPresent() && (service.isPresent() || !policy.get().isNone());
      if (keep) {
        AccessPolicySql.insertAccessPolicy(handle, officeId, AccessPolicyRows.row(serviceId, policy.get()));
      }
    }, "office or service of an access policy");
  }

  @Override
  public Optional<RetentionPeriod> retentionPeriod(OfficeId office) {
    checkNotNull(office, "office");
    return transactions.read(handle -> PrivacySql.retentionDays(handle, office.value()))
        .map(days -> days.map(RetentionPeriod::ofDays).orElse(RetentionPeriod.DEFAULT));
  }

  @Override
  public void saveRetentionPeriod(OfficeId office, RetentionPeriod period) {
    checkNotNull(office, "office");
    checkNotNull(period, "period");
    transactions.write(handle -> PrivacySql.saveRetentionDays(handle, office.value(), period.days()), "office of a retention period");
  }

  private static RuleRow ruleRow(String resourceId, String kind, WeeklyRule rule) {
    return new RuleRow(
        resourceId,
        kind,
        rule.days().stream().map(DayOfWeek::getValue).sorted().toArray(Integer[]::new),
        rule.hours().start(),
        rule.hours().end(),
        rule.validity().start().equals(LocalDate.MIN) ? null : rule.validity().start(),
        rule.validity().endExclusive().equals(LocalDate.MAX) ? null : rule.validity().endExclusive(),
        rule.everyWeeks(),
        rule.anchorWeek());
  }

  private static WeeklyRule rule(RuleRow row) {
    return new WeeklyRule(
        Arrays.stream(row.days()).map(DayOfWeek::of).collect(ImmutableSet.toImmutableSet()),
        new TimeOfDayRange(row.startTime(), row.endTime()),
        new DateRange(
            row.validFrom() == null ? LocalDate.MIN : row.validFrom(),
            row.validUntil() == null ? LocalDate.MAX : row.validUntil()),
        row.everyWeeks(),
        row.anchorWeek());
  }

  private static Office office(OfficeRow row) {
    GermanState state = GermanState.fromCode(row.state()).orElseThrow();
    ImmutableSet<RegionalHoliday> regional =
        Arrays.stream(row.regionalHolidays()).map(RegionalHoliday::valueOf).collect(ImmutableSet.toImmutableSet());
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

  private static Service service(
      ServiceRow row, List<ServiceDurationRow> durations, List<ServiceModeRow> modeRows, List<ServiceModeResourceRow> resourceRows) {
    return new Service(
        ServiceId.of(row.serviceId()),
        row.name(),
        Duration.ofMinutes(row.durationMinutes()),
        durations.stream().collect(ImmutableMap.toImmutableMap(
            duration -> OfficeId.of(duration.officeId()), duration -> Duration.ofMinutes(duration.durationMinutes()))),
        row.maxPersons(),
        Arrays.stream(row.channels()).map(Channel::valueOf).collect(ImmutableSet.toImmutableSet()),
        row.sensitive(),
        modes(modeRows, resourceRows));
  }

  /** A service without mode rows is served in person only (see V9__appointment_modes.sql). */
  private static ImmutableMap<AppointmentMode, ModeOptions> modes(
      List<ServiceModeRow> modeRows, List<ServiceModeResourceRow> resourceRows) {
    if (modeRows.isEmpty()) {
      return Service.IN_PERSON_ONLY;
    }
    ImmutableMap.Builder<AppointmentMode, ModeOptions> modes = ImmutableMap.builder();
    for (ServiceModeRow modeRow : modeRows) {
      ImmutableSetMultimap<OfficeId, ResourceId> resources = resourceRows.stream()
          .filter(resource -> resource.mode().equals(modeRow.mode()))
          .collect(ImmutableSetMultimap.toImmutableSetMultimap(
              resource -> OfficeId.of(resource.officeId()), resource -> ResourceId.of(resource.resourceId())));
      Optional<Duration> duration = Optional.ofNullable(modeRow.durationMinutes()).map(Duration::ofMinutes);
      modes.put(AppointmentMode.valueOf(modeRow.mode()), new ModeOptions(duration, resources));
    }
    return modes.build();
  }

  private static Resource resource(OfficeId office, ResourceRow row) {
    return new Resource(
        ResourceId.of(row.resourceId()),
        office,
        row.name(),
        ResourceKind.valueOf(row.kind()),
        Arrays.stream(row.skills()).map(ServiceId::of).collect(ImmutableSet.toImmutableSet()),
        Optional.ofNullable(row.teamId()).map(TeamId::of));
  }
}
