package org.opentermin.ports.booking;

import com.google.common.collect.ImmutableMap;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.opentermin.core.availability.OfficeSchedule;
import org.opentermin.core.availability.SlotFinder;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.ports.out.CatalogStore;

/**
 * What the use cases need about an office, compiled once and reused while the office's schedule
 * version stays the same: the office, its slot finder, the service catalog and the fair-access
 * policies. A lookup checks the version (one cheap query) unless it was checked less than {@code
 * recheckAfter} ago, so an administrator's change reaches every app instance within that time.
 * Thread-safe.
 */
final class CompiledOffices {

  /** One office ready for queries, and when its version was last confirmed. */
  record CompiledOffice(
      long version,
      Instant checkedAt,
      Office office,
      SlotFinder finder,
      ImmutableMap<ServiceId, Service> services,
      AccessPolicies policies) {}

  private final CatalogStore catalog;
  private final Clock clock;
  private final Duration recheckAfter;
  private final ConcurrentHashMap<OfficeId, CompiledOffice> compiled = new ConcurrentHashMap<>();

  CompiledOffices(CatalogStore catalog, Clock clock, Duration recheckAfter) {
    this.catalog = catalog;
    this.clock = clock;
    this.recheckAfter = recheckAfter;
  }

  Optional<CompiledOffice> get(OfficeId office) {
    Instant now = clock.instant();
    CompiledOffice cached = compiled.get(office);
    // A clock that stepped back (or a test moving one) must not keep an entry beyond its time.
    if (cached != null
        && !now.isBefore(cached.checkedAt())
        && now.isBefore(cached.checkedAt().plus(recheckAfter))) {
      return Optional.of(cached);
    }
    long version = catalog.scheduleVersion(office);
    if (cached != null && cached.version() == version) {
      CompiledOffice confirmed =
          new CompiledOffice(
              version, now, cached.office(), cached.finder(), cached.services(), cached.policies());
      compiled.put(office, confirmed);
      return Optional.of(confirmed);
    }
    // Read after the version: what is read is at least that new, so an entry is never stale for
    // longer than one lookup. Saving a service changes every office's version.
    Optional<OfficeSchedule> schedule = catalog.schedule(office);
    Optional<AccessPolicies> policies = catalog.accessPolicies(office);
    if (schedule.isEmpty() || policies.isEmpty()) {
      compiled.remove(office);
      return Optional.empty();
    }
    ImmutableMap<ServiceId, Service> services =
        catalog.services().stream()
            .collect(ImmutableMap.toImmutableMap(Service::id, Function.identity()));
    CompiledOffice fresh =
        new CompiledOffice(
            version,
            now,
            schedule.get().office(),
            SlotFinder.of(schedule.get()),
            services,
            policies.get());
    compiled.put(office, fresh);
    return Optional.of(fresh);
  }
}
