package org.opentermin.ports.in;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Service;

/** What citizens may see of the catalog: offices and services. */
public interface BrowseCatalog {

  /** All offices, sorted by id. */
  ImmutableList<Office> offices();

  Optional<Office> office(OfficeId id);

  /** All services, sorted by id. */
  ImmutableList<Service> services();
}
