package org.opentermin.ports.memory;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opentermin.core.availability.OfficeSchedule;
import org.opentermin.core.availability.ScheduledResource;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.FairnessSecret;
import org.opentermin.core.privacy.RetentionPeriod;
import org.opentermin.core.worktime.OfficeClosure;
import org.opentermin.core.worktime.WorkingTime;
import org.opentermin.ports.out.CatalogStore;
import org.opentermin.ports.out.RandomSource;

/** {@link CatalogStore} in memory; every method is synchronized. */
public final class InMemoryCatalogStore implements CatalogStore {

  private final Map<OfficeId, Office> offices = new TreeMap<>();
  private final Map<ServiceId, Service> services = new TreeMap<>();
  private final Map<OfficeId, Map<ResourceId, ScheduledResource>> resources = new HashMap<>();
  private final Map<OfficeId, Map<java.time.LocalDate, OfficeClosure>> closures = new HashMap<>();
  private final Map<OfficeId, Long> versions = new HashMap<>();
  private final Map<OfficeId, AccessPolicies> policies = new HashMap<>();
  private final Map<OfficeId, RetentionPeriod> retention = new HashMap<>();
  private final RandomSource random;
  private long lastVersion;

  /** A store whose offices get secrets from the operating system's randomness. */
  public InMemoryCatalogStore() {
    this(RandomSource.secure());
  }

  /** A store whose offices get secrets from {@code random}: seeded, runs repeat exactly. */
  public InMemoryCatalogStore(RandomSource random) {
    this.random = checkNotNull(random, "random");
  }

  @Override
  public synchronized void saveOffice(Office office) {
    checkNotNull(office, "office");
    offices.put(office.id(), office);
    policies.computeIfAbsent(
        office.id(), id -> AccessPolicies.none(FairnessSecret.of(random.nextUuid())));
    resources.computeIfAbsent(office.id(), id -> new TreeMap<>());
    closures.computeIfAbsent(office.id(), id -> new TreeMap<>());
    changed(office.id());
  }

  @Override
  public synchronized Optional<Office> office(OfficeId id) {
    return Optional.ofNullable(offices.get(id));
  }

  @Override
  public synchronized ImmutableList<Office> offices() {
    return ImmutableList.copyOf(offices.values());
  }

  @Override
  public synchronized void saveService(Service service) {
    checkNotNull(service, "service");
    for (OfficeId office : service.durationAtOffice().keySet()) {
      checkKnown(office);
    }
    service
        .modes()
        .values()
        .forEach(options -> options.resources().keySet().forEach(this::checkKnown));
    services.put(service.id(), service);
    offices.keySet().forEach(this::changed);
  }

  @Override
  public synchronized Optional<Service> service(ServiceId id) {
    return Optional.ofNullable(services.get(id));
  }

  @Override
  public synchronized ImmutableList<Service> services() {
    return ImmutableList.copyOf(services.values());
  }

  @Override
  public synchronized void saveResource(Resource resource) {
    checkNotNull(resource, "resource");
    checkKnown(resource.office());
    for (ServiceId skill : resource.skills()) {
      checkArgument(services.containsKey(skill), "unknown service %s", skill);
    }
    Map<ResourceId, ScheduledResource> atOffice = resources.get(resource.office());
    WorkingTime workingTime =
        Optional.ofNullable(atOffice.get(resource.id()))
            .map(ScheduledResource::workingTime)
            .orElse(WorkingTime.none());
    atOffice.put(resource.id(), new ScheduledResource(resource, workingTime));
    changed(resource.office());
  }

  @Override
  public synchronized ImmutableList<Resource> resources(OfficeId office) {
    return resources.getOrDefault(office, Map.of()).values().stream()
        .map(ScheduledResource::resource)
        .collect(ImmutableList.toImmutableList());
  }

  @Override
  public synchronized void saveWorkingTime(
      OfficeId office, ResourceId resource, WorkingTime workingTime) {
    checkNotNull(workingTime, "workingTime");
    checkKnown(office);
    ScheduledResource existing = resources.get(office).get(resource);
    checkArgument(existing != null, "unknown resource %s at office %s", resource, office);
    resources.get(office).put(resource, new ScheduledResource(existing.resource(), workingTime));
    changed(office);
  }

  @Override
  public synchronized void saveClosure(OfficeId office, OfficeClosure closure) {
    checkNotNull(closure, "closure");
    checkKnown(office);
    closures.get(office).put(closure.date(), closure);
    changed(office);
  }

  @Override
  public synchronized Optional<OfficeSchedule> schedule(OfficeId office) {
    return office(office)
        .map(
            found ->
                OfficeSchedule.of(
                    found, resources.get(office).values(), closures.get(office).values()));
  }

  @Override
  public synchronized long scheduleVersion(OfficeId office) {
    return versions.getOrDefault(office, 0L);
  }

  @Override
  public synchronized Optional<AccessPolicies> accessPolicies(OfficeId office) {
    return Optional.ofNullable(policies.get(office));
  }

  @Override
  public synchronized void saveAccessPolicy(
      OfficeId office, Optional<ServiceId> service, Optional<AccessPolicy> policy) {
    checkKnown(office);
    checkNotNull(service, "service");
    checkNotNull(policy, "policy");
    AccessPolicies current = policies.get(office);
    AccessPolicies changed;
    if (service.isPresent()) {
      checkArgument(services.containsKey(service.get()), "unknown service %s", service.get());
      Map<ServiceId, AccessPolicy> own = new TreeMap<>(current.services());
      policy.ifPresentOrElse(
          value -> own.put(service.get(), value), () -> own.remove(service.get()));
      changed = new AccessPolicies(current.office(), ImmutableMap.copyOf(own), current.secret());
    } else {
      changed =
          new AccessPolicies(
              policy.orElse(AccessPolicy.none()), current.services(), current.secret());
    }
    policies.put(office, changed);
    changed(office);
  }

  @Override
  public synchronized Optional<RetentionPeriod> retentionPeriod(OfficeId office) {
    checkNotNull(office, "office");
    return offices.containsKey(office)
        ? Optional.of(retention.getOrDefault(office, RetentionPeriod.DEFAULT))
        : Optional.empty();
  }

  @Override
  public synchronized void saveRetentionPeriod(OfficeId office, RetentionPeriod period) {
    checkNotNull(period, "period");
    checkKnown(office);
    retention.put(office, period);
  }

  private void checkKnown(OfficeId office) {
    checkArgument(offices.containsKey(office), "unknown office %s", office);
  }

  private void changed(OfficeId office) {
    versions.put(office, ++lastVersion);
  }
}
