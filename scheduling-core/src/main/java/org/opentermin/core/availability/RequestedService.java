package org.opentermin.core.availability;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.core.catalog.Service;

/** One service of an appointment request, for a number of persons. Immutable. */
public record RequestedService(Service service, int persons) {

  public RequestedService {
    checkNotNull(service, "service");
    checkArgument(persons >= 1, "persons must be at least 1, not %s", persons);
  }

  public static RequestedService of(Service service, int persons) {
    return new RequestedService(service, persons);
  }
}
