package org.opentermin.http.common;

import static com.google.common.base.Preconditions.checkNotNull;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.http.problem.ApiProblem;
import org.opentermin.ports.in.BrowseCatalog;

/**
 * The offices that requests name, whose zone and horizon responses need. Cached for good: the API
 * creates offices but never changes an existing one. Thread-safe.
 */
public final class OfficeCache {

  private final BrowseCatalog catalog;
  private final Map<OfficeId, Office> offices = new ConcurrentHashMap<>();

  public OfficeCache(BrowseCatalog catalog) {
    this.catalog = checkNotNull(catalog, "catalog");
  }

  /** The office; a 404 problem if it is unknown. */
  public Office office(OfficeId id) {
    Office cached = offices.get(id);
    if (cached != null) {
      return cached;
    }
    Optional<Office> office = catalog.office(id);
    office.ifPresent(found -> offices.put(id, found));
    return office.orElseThrow(() -> ApiProblem.notFound("unknown office " + id));
  }

  public ZoneId zone(OfficeId id) {
    return office(id).zone();
  }
}
