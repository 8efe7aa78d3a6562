package org.opentermin.ports.in;

import org.opentermin.core.booking.Appointment;

/** The booking after the change, or why it was not changed. */
public sealed interface ChangeResult permits ChangeResult.Changed, Refused {

  record Changed(Appointment booking) implements ChangeResult {}
}
