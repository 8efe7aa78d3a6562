package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.opentermin.core.availability.OfficeSchedule;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.catalog.TeamId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.FairnessSecret;
import org.opentermin.core.privacy.RetentionPeriod;
import org.opentermin.core.worktime.OfficeClosure;
import org.opentermin.core.worktime.WorkingTime;
import org.opentermin.jdbc.AccessPolicySql.PolicyRow;
import org.opentermin.jdbc.CatalogSql.OfficeRow;
import org.opentermin.jdbc.CatalogSql.ServiceDurationRow;
import org.opentermin.jdbc.CatalogSql.ServiceModeResourceRow;
import org.opentermin.jdbc.CatalogSql.ServiceModeRow;
import org.opentermin.jdbc.CatalogSql.ServiceRow;
import org.opentermin.ports.out.CatalogStore;

/**
 * {@link CatalogStore} in PostgreSQL. Each method is one transaction; {@link JdbiSchedules} keeps
 * working times and closures, {@link CatalogRows} maps the catalog's rows.
 */
final class JdbiCatalogStore implements CatalogStore {

  /** The service_id of an office's own row in access_policies. */
  private static final String OFFICE_POLICY = "";

  private final Transactions transactions;
  private final JdbiSchedules schedules;

  JdbiCatalogStore(Transactions transactions) {
    this.transactions = transactions;
    this.schedules = new JdbiSchedules(transactions);
  }

  @Override
  public void saveOffice(Office office) {
    checkNotNull(office, "office");
    OfficeRow row =
        new OfficeRow(
            office.id().value(),
            office.name(),
            office.zone().getId(),
            office.state().code(),
            office.holidayRegion().regionalHolidays().stream()
                .map(Enum::name)
                .sorted()
                .toArray(String[]::new),
            office.slotMinutes(),
            office.horizon().minimumNotice().toSeconds(),
            office.horizon().maximumDaysAhead(),
            office.holdDuration().toSeconds(),
            office.address().orElse(null));
    transactions.write(handle -> CatalogSql.upsertOffice(handle, row), "office");
  }

  @Override
  public Optional<Office> office(OfficeId id) {
    return transactions.read(
        handle -> CatalogSql.office(handle, id.value()).map(CatalogRows::office));
  }

  @Override
  public ImmutableList<Office> offices() {
    return transactions.read(
        handle ->
            CatalogSql.offices(handle).stream()
                .map(CatalogRows::office)
                .collect(ImmutableList.toImmutableList()));
  }

  @Override
  public void saveService(Service service) {
    checkNotNull(service, "service");
    ServiceRow row =
        new ServiceRow(
            service.id().value(),
            service.name(),
            (int) service.duration().toMinutes(),
            service.maxPersons(),
            service.channels().stream().map(Enum::name).sorted().toArray(String[]::new),
            service.sensitive());
    List<ServiceDurationRow> durations =
        service.durationAtOffice().entrySet().stream()
            .map(
                entry ->
                    new ServiceDurationRow(
                        service.id().value(),
                        entry.getKey().value(),
                        (int) entry.getValue().toMinutes()))
            .toList();
    List<ServiceModeRow> modes =
        service.modes().entrySet().stream()
            .map(
                entry ->
                    new ServiceModeRow(
                        service.id().value(),
                        entry.getKey().name(),
                        entry
                            .getValue()
                            .duration()
                            .map(duration -> (int) duration.toMinutes())
                            .orElse(null)))
            .toList();
    List<ServiceModeResourceRow> modeResources =
        service.modes().entrySet().stream()
            .flatMap(
                entry ->
                    entry.getValue().resources().entries().stream()
                        .map(
                            resource ->
                                new ServiceModeResourceRow(
                                    service.id().value(),
                                    entry.getKey().name(),
                                    resource.getKey().value(),
                                    resource.getValue().value())))
            .toList();
    transactions.write(
        handle -> {
          CatalogSql.upsertService(handle, row);
          CatalogSql.replaceServiceDurations(handle, service.id().value(), durations);
          CatalogSql.replaceServiceModes(handle, service.id().value(), modes, modeResources);
          // Durations and modes are part of every office's schedule.
          CatalogSql.touchAllOffices(handle);
        },
        "office of a service duration or mode");
  }

  @Override
  public Optional<Service> service(ServiceId id) {
    // One snapshot, so that the parts belong together.
    return transactions.readConsistent(
        handle ->
            CatalogSql.service(handle, id.value())
                .map(
                    row ->
                        CatalogRows.service(
                            row,
                            CatalogSql.serviceDurations(handle, id.value()),
                            CatalogSql.serviceModes(handle, id.value()),
                            CatalogSql.serviceModeResources(handle, id.value()))));
  }

  @Override
  public ImmutableList<Service> services() {
    return transactions.readConsistent(
        handle -> {
          Map<String, List<ServiceDurationRow>> durations =
              CatalogSql.serviceDurations(handle).stream()
                  .collect(Collectors.groupingBy(ServiceDurationRow::serviceId));
          Map<String, List<ServiceModeRow>> modes =
              CatalogSql.serviceModes(handle).stream()
                  .collect(Collectors.groupingBy(ServiceModeRow::serviceId));
          Map<String, List<ServiceModeResourceRow>> modeResources =
              CatalogSql.serviceModeResources(handle).stream()
                  .collect(Collectors.groupingBy(ServiceModeResourceRow::serviceId));
          return CatalogSql.services(handle).stream()
              .map(
                  row ->
                      CatalogRows.service(
                          row,
                          durations.getOrDefault(row.serviceId(), List.of()),
                          modes.getOrDefault(row.serviceId(), List.of()),
                          modeResources.getOrDefault(row.serviceId(), List.of())))
              .collect(ImmutableList.toImmutableList());
        });
  }

  @Override
  public void saveResource(Resource resource) {
    checkNotNull(resource, "resource");
    String office = resource.office().value();
    String id = resource.id().value();
    transactions.write(
        handle -> {
          CatalogSql.upsertResource(
              handle,
              office,
              id,
              resource.name(),
              resource.kind().name(),
              resource.team().map(TeamId::value).orElse(null));
          CatalogSql.replaceSkills(
              handle,
              office,
              id,
              resource.skills().stream().map(ServiceId::value).toArray(String[]::new));
          CatalogSql.touchOffice(handle, office);
        },
        "office or service of a resource");
  }

  @Override
  public ImmutableList<Resource> resources(OfficeId office) {
    return transactions.read(
        handle ->
            CatalogSql.resources(handle, office.value()).stream()
                .map(row -> CatalogRows.resource(office, row))
                .collect(ImmutableList.toImmutableList()));
  }

  @Override
  public void saveWorkingTime(OfficeId office, ResourceId resource, WorkingTime workingTime) {
    schedules.saveWorkingTime(office, resource, workingTime);
  }

  @Override
  public void saveClosure(OfficeId office, OfficeClosure closure) {
    schedules.saveClosure(office, closure);
  }

  @Override
  public Optional<OfficeSchedule> schedule(OfficeId officeId) {
    return schedules.schedule(officeId);
  }

  @Override
  public long scheduleVersion(OfficeId office) {
    return transactions.read(
        handle -> CatalogSql.scheduleVersion(handle, office.value()).orElse(0L));
  }

  @Override
  public Optional<AccessPolicies> accessPolicies(OfficeId office) {
    checkNotNull(office, "office");
    // One snapshot, so that the secret and the policies belong together.
    return transactions.readConsistent(
        handle ->
            CatalogSql.fairnessSecret(handle, office.value())
                .map(
                    secret -> {
                      AccessPolicy own = AccessPolicy.none();
                      ImmutableMap.Builder<ServiceId, AccessPolicy> services =
                          ImmutableMap.builder();
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
  public void saveAccessPolicy(
      OfficeId office, Optional<ServiceId> service, Optional<AccessPolicy> policy) {
    checkNotNull(office, "office");
    checkNotNull(service, "service");
    checkNotNull(policy, "policy");
    String officeId = office.value();
    String serviceId = service.map(ServiceId::value).orElse(OFFICE_POLICY);
    transactions.write(
        handle -> {
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
            AccessPolicySql.insertAccessPolicy(
                handle, officeId, AccessPolicyRows.row(serviceId, policy.get()));
          }
        },
        "office or service of an access policy");
  }

  @Override
  public Optional<RetentionPeriod> retentionPeriod(OfficeId office) {
    checkNotNull(office, "office");
    return transactions
        .read(handle -> PrivacySql.retentionDays(handle, office.value()))
        .map(days -> days.map(RetentionPeriod::ofDays).orElse(RetentionPeriod.DEFAULT));
  }

  @Override
  public void saveRetentionPeriod(OfficeId office, RetentionPeriod period) {
    checkNotNull(office, "office");
    checkNotNull(period, "period");
    transactions.write(
        handle -> PrivacySql.saveRetentionDays(handle, office.value(), period.days()),
        "office of a retention period");
  }
}
