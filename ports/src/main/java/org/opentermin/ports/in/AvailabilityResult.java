package org.opentermin.ports.in;

import org.opentermin.core.availability.Availability;

/** The free slots found, or why there is no answer. */
public sealed interface AvailabilityResult permits AvailabilityResult.Found, Refused {

  /** The free slots of the requested days. */
  record Found(Availability availability) implements AvailabilityResult {}
}
