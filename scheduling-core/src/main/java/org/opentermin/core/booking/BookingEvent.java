package org.opentermin.core.booking;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * One recorded change of a booking: who, when, from which status to which, and a short note
 * (the reason of a cancellation, the old and new time of a reschedule). Append-only. Immutable.
 */
public record BookingEvent(
    AppointmentId appointment,
    Instant at,
    Actor actor,
    AppointmentStatus from,
    AppointmentStatus to,
    String note) {

  public static final int MAXIMUM_NOTE_LENGTH = 500;

  public BookingEvent {
    checkNotNull(appointment, "appointment");
    checkNotNull(at, "at");
    checkNotNull(actor, "actor");
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkNotNull(note, "note");
    checkArgument(note.length() <= MAXIMUM_NOTE_LENGTH, "note is limited to %s characters", MAXIMUM_NOTE_LENGTH);
  }
}
