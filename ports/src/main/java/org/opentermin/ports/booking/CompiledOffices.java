package org.opentermin.ports.booking;

import com.google.common.collect.ImmutableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.opentermin.core.availability.OfficeSchedule;
import org.opentermin.core.availability.SlotFinder;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;
import org.opentermin.ports.out.CatalogStore;

/**
 * What the use cases need about an office, compiled once and reused while the office's schedule
 * version stays the same: the office, its slot finder and the service catalog. Every lookup
 * checks the version (one cheap query), so an administrator's change counts from the next
 * request on, in every app instance. Thread-safe.
 */
final class CompiledOffices {

  /** One office ready for queries. */
  record CompiledOffice(long version, Office office, SlotFinder finder, ImmutableMap<ServiceId, Service> services) {}

  private final CatalogStore catalog;
  private final ConcurrentHashMap<OfficeId, CompiledOffice> compiled = new ConcurrentHashMap<>();

  CompiledOffices(CatalogStore catalog) {
    this.catalog = catalog;
  }

  Optional<CompiledOffice> get(OfficeId office) {
    long version = catalog.scheduleVersion(office);
    CompiledOffice cached = compiled.get(office);
    if (cached != null && cached.version() == version) {
      return Optional.of(cached);
    }
    // Read after the version: what is read is at least that new, so an entry is never stale for
    // longer than one lookup. Saving a service changes every office's version.
    Optional<OfficeSchedule> schedule = catalog.schedule(office);
    if (schedule.isEmpty()) {
      compiled.remove(office);
      return Optional.empty();
    }
    ImmutableMap<ServiceId, Service> services =
        catalog.services().stream().collect(ImmutableMap.toImmutableMap(Service::id, Function.identity()));
    CompiledOffice fresh = new CompiledOffice(version, schedule.get().office(), SlotFinder.of(schedule.get()), services);
    compiled.put(office, fresh);
    return Optional.of(fresh);
  }
}
