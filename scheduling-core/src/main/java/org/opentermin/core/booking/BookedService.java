package org.opentermin.core.booking;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.core.catalog.ServiceId;

/**
 * A service of an appointment, for a number of persons, as stored with the appointment. Immutable.
 */
public record BookedService(ServiceId service, int persons) {

  public BookedService {
    checkNotNull(service, "service");
    checkArgument(persons >= 1, "persons must be at least 1, not %s", persons);
  }
}
