package org.opentermin.core.booking;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.time.Instant;

/**
 * One recorded change of a booking: who, when, from which status to which, and a short note (the
 * reason of a cancellation, the old and new time of a reschedule). Append-only, except that erasing
 * a booking's personal data empties the notes of its events (a reason may be personal) and records
 * one more event with {@link #ERASURE_NOTE}. Immutable.
 */
public record BookingEvent(
    AppointmentId appointment,
    Instant at,
    Actor actor,
    AppointmentStatus from,
    AppointmentStatus to,
    String note) {

  public static final int MAXIMUM_NOTE_LENGTH = 500;

  /** The note of the event that records the erasure of a booking's personal data. */
  public static final String ERASURE_NOTE = "personal data erased";

  public BookingEvent {
    checkNotNull(appointment, "appointment");
    checkNotNull(at, "at");
    checkNotNull(actor, "actor");
    checkNotNull(from, "from");
    checkNotNull(to, "to");
    checkNotNull(note, "note");
    checkArgument(
        note.length() <= MAXIMUM_NOTE_LENGTH,
        "note is limited to %s characters",
        MAXIMUM_NOTE_LENGTH);
  }
}
