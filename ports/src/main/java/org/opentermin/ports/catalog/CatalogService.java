package org.opentermin.ports.catalog;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opentermin.core.audit.AuditAction;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.core.booking.Actor;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.worktime.OfficeClosure;
import org.opentermin.core.worktime.WorkingTime;
import org.opentermin.ports.in.BrowseCatalog;
import org.opentermin.ports.in.ConfigureCatalog;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.out.AuditLog;
import org.opentermin.ports.out.CatalogStore;

/**
 * The catalog use cases on a {@link CatalogStore}. The checks that an id is still free are made
 * before saving and are not atomic with it: two administrators creating the same id at the same
 * moment end with the later one's version, which is acceptable for configuration (nothing a citizen
 * booked depends on it) and keeps the store's interface simple.
 *
 * <p>A change of an office is appended to the {@link AuditLog} after its checks and before it is
 * saved, in two steps: should saving fail, the log shows an attempt that changed nothing, which is
 * better than a change it does not show. Thread-safe.
 */
public final class CatalogService implements BrowseCatalog, ConfigureCatalog {

  private final CatalogStore catalog;
  private final AuditLog audit;
  private final Clock clock;

  public CatalogService(CatalogStore catalog, AuditLog audit, Clock clock) {
    this.catalog = checkNotNull(catalog, "catalog");
    this.audit = checkNotNull(audit, "audit");
    this.clock = checkNotNull(clock, "clock");
  }

  @Override
  public ImmutableList<Office> offices() {
    return catalog.offices();
  }

  @Override
  public Optional<Office> office(OfficeId id) {
    return catalog.office(id);
  }

  @Override
  public ImmutableList<Service> services() {
    return catalog.services();
  }

  @Override
  public Optional<Refused> createOffice(Office office, Actor by) {
    if (catalog.office(office.id()).isPresent()) {
      return refused(RefusalReason.ALREADY_EXISTS, "an office with id " + office.id() + " exists");
    }
    configured(office.id(), by, "office created");
    catalog.saveOffice(office);
    return Optional.empty();
  }

  @Override
  public Optional<Refused> createService(Service service) {
    if (catalog.service(service.id()).isPresent()) {
      return refused(RefusalReason.ALREADY_EXISTS, "a service with id " + service.id() + " exists");
    }
    Set<OfficeId> named = new TreeSet<>(service.durationAtOffice().keySet());
    service.modes().values().forEach(options -> named.addAll(options.resources().keySet()));
    for (OfficeId office : named) {
      if (catalog.office(office).isEmpty()) {
        return refused(RefusalReason.INVALID_REQUEST, "unknown office " + office);
      }
    }
    catalog.saveService(service);
    return Optional.empty();
  }

  @Override
  public Optional<Refused> createResource(Resource resource, Actor by) {
    if (catalog.office(resource.office()).isEmpty()) {
      return refused(RefusalReason.NOT_FOUND, "unknown office " + resource.office());
    }
    for (ServiceId skill : resource.skills()) {
      if (catalog.service(skill).isEmpty()) {
        return refused(RefusalReason.INVALID_REQUEST, "unknown service " + skill);
      }
    }
    if (findResource(resource.office(), resource.id()).isPresent()) {
      return refused(
          RefusalReason.ALREADY_EXISTS,
          "a resource with id " + resource.id() + " exists at " + resource.office());
    }
    configured(resource.office(), by, "resource " + resource.id() + " created");
    catalog.saveResource(resource);
    return Optional.empty();
  }

  @Override
  public Optional<Refused> replaceWorkingTime(
      OfficeId office, ResourceId resource, WorkingTime workingTime, Actor by) {
    checkNotNull(workingTime, "workingTime");
    if (catalog.office(office).isEmpty()) {
      return refused(RefusalReason.NOT_FOUND, "unknown office " + office);
    }
    if (findResource(office, resource).isEmpty()) {
      return refused(RefusalReason.NOT_FOUND, "unknown resource " + resource + " at " + office);
    }
    configured(office, by, "working time of resource " + resource + " replaced");
    catalog.saveWorkingTime(office, resource, workingTime);
    return Optional.empty();
  }

  @Override
  public Optional<Refused> addClosure(OfficeId office, OfficeClosure closure, Actor by) {
    checkNotNull(closure, "closure");
    if (catalog.office(office).isEmpty()) {
      return refused(RefusalReason.NOT_FOUND, "unknown office " + office);
    }
    configured(office, by, "closure on " + closure.date());
    catalog.saveClosure(office, closure);
    return Optional.empty();
  }

  @Override
  public Optional<AccessPolicies> accessPolicies(OfficeId office) {
    return catalog.accessPolicies(office);
  }

  @Override
  public Optional<Refused> setAccessPolicy(
      OfficeId office, Optional<ServiceId> service, Optional<AccessPolicy> policy, Actor by) {
    checkNotNull(service, "service");
    checkNotNull(policy, "policy");
    if (catalog.office(office).isEmpty()) {
      return refused(RefusalReason.NOT_FOUND, "unknown office " + office);
    }
    if (service.isPresent()) {
      if (catalog.service(service.get()).isEmpty() || !offers(office, service.get())) {
        return refused(
            RefusalReason.NOT_FOUND,
            "office " + office + " does not offer service " + service.get());
      }
    }
    configured(
        office,
        by,
        "access policy"
            + service.map(id -> " of service " + id).orElse("")
            + (policy.isPresent() ? " set" : " removed"));
    catalog.saveAccessPolicy(office, service, policy);
    return Optional.empty();
  }

  /**
   * Whether a resource of the office serves the service, or the service has its own duration there.
   */
  private boolean offers(OfficeId office, ServiceId service) {
    return catalog.service(service).orElseThrow().durationAtOffice().containsKey(office)
        || catalog.resources(office).stream()
            .anyMatch(resource -> resource.skills().contains(service));
  }

  private Optional<Resource> findResource(OfficeId office, ResourceId id) {
    return catalog.resources(office).stream()
        .filter(resource -> resource.id().equals(id))
        .findFirst();
  }

  private void configured(OfficeId office, Actor by, String what) {
    checkNotNull(by, "by");
    audit.append(
        AuditEntry.ofOffice(
            clock.instant().truncatedTo(ChronoUnit.MICROS),
            by,
            AuditAction.CONFIGURED,
            office,
            what));
  }

  private static Optional<Refused> refused(RefusalReason reason, String detail) {
    return Optional.of(new Refused(reason, detail));
  }
}
