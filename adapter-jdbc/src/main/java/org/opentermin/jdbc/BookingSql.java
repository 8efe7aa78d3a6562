package org.opentermin.jdbc;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of bookings once they exist: reading holds and bookings, changing a booking's status,
 * moving it, and its history; each statement next to the method that runs it on a handle. Placing
 * and confirming holds is {@link ClaimSql}. Instants travel as UTC {@link OffsetDateTime}s
 * (timestamptz).
 */
final class BookingSql {

  private BookingSql() {}

  /** All columns of an appointment the domain needs, plus the manage token hash. */
  private static final String APPOINTMENT_COLUMNS =
      """
      a.office_id, a.appointment_id, a.resource_id, a.starts_at, a.ends_at, a.status, a.expires_at,
      a.channel, a.service_ids, a.persons, a.reference, a.manage_token_hash,
      a.citizen_name, a.citizen_email, a.citizen_phone, a.mode, a.video_link, a.citizen_note, a.erased_at\
      """;

  record AppointmentRow(
      String officeId,
      UUID appointmentId,
      String resourceId,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      String status,
      OffsetDateTime expiresAt,
      String channel,
      String[] serviceIds,
      Integer[] persons,
      String reference,
      byte[] manageTokenHash,
      String citizenName,
      String citizenEmail,
      String citizenPhone,
      String mode,
      String videoLink,
      String citizenNote,
      OffsetDateTime erasedAt) {}

  record BusyRow(
      String resourceId,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      OffsetDateTime expiresAt) {}

  record EventRow(
      String officeId,
      UUID appointmentId,
      OffsetDateTime at,
      String actorKind,
      String actorId,
      String fromStatus,
      String toStatus,
      String note) {}

  static List<BusyRow> busy(
      Handle handle, String officeId, OffsetDateTime from, OffsetDateTime to) {
    return handle
        .createQuery(
            """
            SELECT resource_id, starts_at, ends_at, expires_at FROM appointments
            WHERE office_id = :officeId AND status <> 'CANCELLED'
              AND tstzrange(starts_at, ends_at) && tstzrange(:from, :to)\
            """)
        .bind("officeId", officeId)
        .bind("from", from)
        .bind("to", to)
        .mapTo(BusyRow.class)
        .list();
  }

  /**
   * The bookings of the office that start in {@code [from, to)}, served by the partial index
   * appointments_bookings_by_start (the status predicate repeats its condition). Resource ids
   * compare in code point order ("C"), as Java compares strings, whatever the database's collation;
   * uuids compare byte by byte, as their text forms do.
   */
  static List<AppointmentRow> bookings(
      Handle handle, String officeId, OffsetDateTime from, OffsetDateTime to) {
    return handle
        .createQuery(
            "SELECT "
                + APPOINTMENT_COLUMNS
                + """

                FROM appointments a
                WHERE a.office_id = :officeId AND a.status <> 'HELD' AND a.starts_at >= :from AND a.starts_at < :to
                ORDER BY a.starts_at, a.resource_id COLLATE "C", a.appointment_id\
                """)
        .bind("officeId", officeId)
        .bind("from", from)
        .bind("to", to)
        .mapTo(AppointmentRow.class)
        .list();
  }

  static Optional<AppointmentRow> find(Handle handle, String officeId, UUID id) {
    return handle
        .createQuery(
            "SELECT "
                + APPOINTMENT_COLUMNS
                + """

                FROM appointments a WHERE a.office_id = :officeId AND a.appointment_id = :id\
                """)
        .bind("officeId", officeId)
        .bind("id", id)
        .mapTo(AppointmentRow.class)
        .findOne();
  }

  static Optional<AppointmentRow> findByReference(Handle handle, String reference) {
    return handle
        .createQuery(
            "SELECT "
                + APPOINTMENT_COLUMNS
                + """

                FROM booking_references r JOIN appointments a USING (office_id, appointment_id)
                WHERE r.reference = :reference\
                """)
        .bind("reference", reference)
        .mapTo(AppointmentRow.class)
        .findOne();
  }

  /**
   * The compare-and-set of a booking's status; a cancellation also records its instant, which the
   * quarantine counts from (a table check keeps the two together).
   */
  static int changeStatus(
      Handle handle, String officeId, UUID id, String expected, String to, OffsetDateTime now) {
    return handle
        .createUpdate(
            """
            UPDATE appointments SET status = :to, updated_at = :now,
              cancelled_at = CASE WHEN :to = 'CANCELLED' THEN CAST(:now AS timestamptz) END
            WHERE office_id = :officeId AND appointment_id = :id AND status = :expected AND status <> 'HELD'
              AND erased_at IS NULL\
            """)
        .bind("officeId", officeId)
        .bind("id", id)
        .bind("expected", expected)
        .bind("to", to)
        .bind("now", now)
        .execute();
  }

  /** Deletes the live hold and hands back what the booking takes over from it. */
  static Optional<AppointmentRow> takeLiveHold(
      Handle handle, String officeId, UUID id, OffsetDateTime now) {
    return handle
        .createQuery(
            """
            DELETE FROM appointments a
            WHERE a.office_id = :officeId AND a.appointment_id = :id AND a.status = 'HELD' AND a.expires_at > :now
            RETURNING\s\
            """
                + APPOINTMENT_COLUMNS)
        .bind("officeId", officeId)
        .bind("id", id)
        .bind("now", now)
        .mapTo(AppointmentRow.class)
        .findOne();
  }

  /**
   * Moves a confirmed booking onto the new time and counts the move, only if it was moved fewer
   * than {@code maxReschedules} times before (NULL: no limit) and the new time was held in the
   * booking's mode: the conditions and the count are one UPDATE, so concurrent moves of one booking
   * cannot both pass. Mode, channel and video link stay.
   */
  static int move(
      Handle handle,
      String officeId,
      UUID id,
      AppointmentRow newTime,
      OffsetDateTime now,
      Integer maxReschedules) {
    return handle
        .createUpdate(
            """
            UPDATE appointments SET resource_id = :resourceId, starts_at = :startsAt, ends_at = :endsAt,
              service_ids = :serviceIds, persons = :persons, updated_at = :now,
              reschedule_count = reschedule_count + 1
            WHERE office_id = :officeId AND appointment_id = :id AND status = 'CONFIRMED' AND mode = :mode
              AND erased_at IS NULL
              AND (CAST(:maxReschedules AS integer) IS NULL OR reschedule_count < :maxReschedules)\
            """)
        .bind("officeId", officeId)
        .bind("id", id)
        .bind("resourceId", newTime.resourceId())
        .bind("startsAt", newTime.startsAt())
        .bind("endsAt", newTime.endsAt())
        .bind("serviceIds", newTime.serviceIds())
        .bind("persons", newTime.persons())
        .bind("mode", newTime.mode())
        .bind("now", now)
        .bind("maxReschedules", maxReschedules)
        .execute();
  }

  /** Why a booking did not move: its status and how often it was moved. */
  record RescheduleStateRow(String status, int rescheduleCount) {}

  static Optional<RescheduleStateRow> rescheduleState(Handle handle, String officeId, UUID id) {
    return handle
        .createQuery(
            """
            SELECT status, reschedule_count FROM appointments WHERE office_id = :officeId AND appointment_id = :id\
            """)
        .bind("officeId", officeId)
        .bind("id", id)
        .mapTo(RescheduleStateRow.class)
        .findOne();
  }

  record CancellationRow(
      UUID appointmentId,
      String resourceId,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      OffsetDateTime cancelledAt) {}

  /**
   * The office's bookings cancelled at or after {@code since} that overlap {@code [from, to)},
   * served by the partial index appointments_cancellations (the status predicate repeats its
   * condition).
   */
  static List<CancellationRow> cancellations(
      Handle handle,
      String officeId,
      OffsetDateTime from,
      OffsetDateTime to,
      OffsetDateTime since) {
    return handle
        .createQuery(
            """
            SELECT appointment_id, resource_id, starts_at, ends_at, cancelled_at FROM appointments
            WHERE office_id = :officeId AND status = 'CANCELLED' AND cancelled_at >= :since
              AND starts_at < :to AND ends_at > :from
            ORDER BY cancelled_at, appointment_id\
            """)
        .bind("officeId", officeId)
        .bind("from", from)
        .bind("to", to)
        .bind("since", since)
        .mapTo(CancellationRow.class)
        .list();
  }

  /**
   * Counts as confirm_hold does for an identity quota (R__booking_functions.sql), without a lock.
   */
  static int activeBookings(
      Handle handle,
      String officeId,
      String[] identityKeys,
      String[] serviceIds,
      OffsetDateTime from,
      OffsetDateTime to) {
    return handle
        .createQuery(
            """
            SELECT count(*) FROM appointments a
            WHERE a.identity_keys && CAST(:identityKeys AS text[])
              AND a.status IN ('CONFIRMED', 'CHECKED_IN') AND a.identity_keys <> '{}'
              AND a.office_id = :officeId AND a.service_ids && CAST(:serviceIds AS text[])
              AND a.starts_at >= :from AND a.starts_at < :to\
            """)
        .bind("officeId", officeId)
        .bind("identityKeys", identityKeys)
        .bind("serviceIds", serviceIds)
        .bind("from", from)
        .bind("to", to)
        .mapTo(Integer.class)
        .one();
  }

  static void insertEvent(Handle handle, EventRow event) {
    handle
        .createUpdate(
            """
            INSERT INTO booking_events (office_id, appointment_id, at, actor_kind, actor_id, from_status, to_status, note)
            VALUES (:officeId, :appointmentId, :at, :actorKind, :actorId, :fromStatus, :toStatus, :note)\
            """)
        .bind("officeId", event.officeId())
        .bind("appointmentId", event.appointmentId())
        .bind("at", event.at())
        .bind("actorKind", event.actorKind())
        .bind("actorId", event.actorId())
        .bind("fromStatus", event.fromStatus())
        .bind("toStatus", event.toStatus())
        .bind("note", event.note())
        .execute();
  }

  static List<EventRow> history(Handle handle, String officeId, UUID id) {
    return handle
        .createQuery(
            """
            SELECT office_id, appointment_id, at, actor_kind, actor_id, from_status, to_status, note
            FROM booking_events WHERE office_id = :officeId AND appointment_id = :id ORDER BY event_no\
            """)
        .bind("officeId", officeId)
        .bind("id", id)
        .mapTo(EventRow.class)
        .list();
  }
}
