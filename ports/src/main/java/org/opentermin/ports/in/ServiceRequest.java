package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import org.opentermin.core.catalog.ServiceId;

/**
 * A service asked for, for a number of persons, as it arrives from outside: not yet checked against
 * the catalog (the use case refuses unknown services or too many persons). Immutable.
 */
public record ServiceRequest(ServiceId service, int persons) {

  public ServiceRequest {
    checkNotNull(service, "service");
  }
}
