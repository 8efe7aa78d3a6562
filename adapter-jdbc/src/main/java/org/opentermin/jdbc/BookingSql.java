package org.opentermin.jdbc;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The SQL of holds and bookings. Instants travel as UTC {@link OffsetDateTime}s (timestamptz). */
interface BookingSql {

  /** All columns of an appointment the domain needs, plus the manage token hash. */
  String APPOINTMENT_COLUMNS = """
      a.office_id, a.appointment_id, a.resource_id, a.starts_at, a.ends_at, a.status, a.expires_at,
      a.channel, a.service_ids, a.persons, a.reference, a.manage_token_hash,
      a.citizen_name, a.citizen_email, a.citizen_phone
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
      String citizenPhone) {}

  record BusyRow(String resourceId, OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime expiresAt) {}

  record IdempotencyRow(UUID appointmentId, String fingerprint, byte[] payload) {}

  record EventRow(
      String officeId,
      UUID appointmentId,
      OffsetDateTime at,
      String actorKind,
      String actorId,
      String fromStatus,
      String toStatus,
      String note) {}

  record NewHold(
      String officeId,
      UUID appointmentId,
      String resourceId,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      OffsetDateTime expiresAt,
      String channel,
      String[] serviceIds,
      Integer[] persons,
      byte[] holdKeyHash,
      String holdFingerprint,
      OffsetDateTime now) {}

  @SqlQuery("""
      SELECT resource_id, starts_at, ends_at, expires_at FROM appointments
      WHERE office_id = :officeId AND status <> 'CANCELLED'
        AND tstzrange(starts_at, ends_at) && tstzrange(:from, :to)
      """)
  List<BusyRow> busy(@Bind("officeId") String officeId, @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);

  /** Removes the holds of the resource that expired by now and would stand in the way. */
  @SqlUpdate("""
      DELETE FROM appointments
      WHERE office_id = :officeId AND resource_id = :resourceId AND status = 'HELD'
        AND expires_at <= :now AND tstzrange(starts_at, ends_at) && tstzrange(:startsAt, :endsAt)
      """)
  int deleteExpiredHoldsInTheWay(@BindMethods NewHold hold);

  /**
   * Inserts the hold unless the exclusion constraint (overlapping claim of the resource) or a
   * unique index (idempotency key) objects; then nothing happens and 0 rows are reported.
   */
  @SqlUpdate("""
      INSERT INTO appointments (office_id, appointment_id, resource_id, starts_at, ends_at, status,
                                expires_at, channel, service_ids, persons, hold_key_hash,
                                hold_fingerprint, created_at, updated_at)
      VALUES (:officeId, :appointmentId, :resourceId, :startsAt, :endsAt, 'HELD', :expiresAt,
              :channel, :serviceIds, :persons, :holdKeyHash, :holdFingerprint, :now, :now)
      ON CONFLICT DO NOTHING
      """)
  int insertHold(@BindMethods NewHold hold);

  @SqlQuery("""
      SELECT appointment_id, hold_fingerprint AS fingerprint, NULL::bytea AS payload FROM appointments
      WHERE office_id = :officeId AND hold_key_hash = :keyHash
      """)
  Optional<IdempotencyRow> byHoldKey(@Bind("officeId") String officeId, @Bind("keyHash") byte[] keyHash);

  @SqlQuery("""
      SELECT appointment_id, confirm_fingerprint AS fingerprint, confirm_retry_payload AS payload FROM appointments
      WHERE office_id = :officeId AND confirm_key_hash = :keyHash
      """)
  Optional<IdempotencyRow> byConfirmKey(@Bind("officeId") String officeId, @Bind("keyHash") byte[] keyHash);

  @SqlQuery("SELECT " + APPOINTMENT_COLUMNS + " FROM appointments a WHERE a.office_id = :officeId AND a.appointment_id = :id")
  Optional<AppointmentRow> find(@Bind("officeId") String officeId, @Bind("id") UUID id);

  @SqlQuery("SELECT " + APPOINTMENT_COLUMNS + """
       FROM booking_references r JOIN appointments a USING (office_id, appointment_id)
      WHERE r.reference = :reference
      """)
  Optional<AppointmentRow> findByReference(@Bind("reference") String reference);

  @SqlUpdate("""
      UPDATE appointments SET status = 'CONFIRMED', expires_at = NULL, reference = :reference,
        manage_token_hash = :tokenHash, citizen_name = :name, citizen_email = :email,
        citizen_phone = :phone, confirm_key_hash = :keyHash, confirm_fingerprint = :fingerprint,
        confirm_retry_payload = :payload, updated_at = :now
      WHERE office_id = :officeId AND appointment_id = :id AND status = 'HELD' AND expires_at > :now
      """)
  int confirm(
      @Bind("officeId") String officeId,
      @Bind("id") UUID id,
      @Bind("reference") String reference,
      @Bind("tokenHash") byte[] tokenHash,
      @Bind("name") String name,
      @Bind("email") String email,
      @Bind("phone") String phone,
      @Bind("keyHash") byte[] keyHash,
      @Bind("fingerprint") String fingerprint,
      @Bind("payload") byte[] payload,
      @Bind("now") OffsetDateTime now);

  @SqlUpdate("""
      INSERT INTO booking_references (reference, office_id, appointment_id)
      VALUES (:reference, :officeId, :id) ON CONFLICT DO NOTHING
      """)
  int claimReference(@Bind("reference") String reference, @Bind("officeId") String officeId, @Bind("id") UUID id);

  @SqlUpdate("""
      UPDATE appointments SET status = :to, updated_at = :now
      WHERE office_id = :officeId AND appointment_id = :id AND status = :expected AND status <> 'HELD'
      """)
  int changeStatus(
      @Bind("officeId") String officeId,
      @Bind("id") UUID id,
      @Bind("expected") String expected,
      @Bind("to") String to,
      @Bind("now") OffsetDateTime now);

  /** Deletes the live hold and hands back what the booking takes over from it. */
  @SqlQuery("""
      DELETE FROM appointments a
      WHERE a.office_id = :officeId AND a.appointment_id = :id AND a.status = 'HELD' AND a.expires_at > :now
      RETURNING """ + " " + APPOINTMENT_COLUMNS)
  Optional<AppointmentRow> takeLiveHold(@Bind("officeId") String officeId, @Bind("id") UUID id, @Bind("now") OffsetDateTime now);

  @SqlUpdate("""
      UPDATE appointments SET resource_id = :resourceId, starts_at = :startsAt, ends_at = :endsAt,
        service_ids = :serviceIds, persons = :persons, updated_at = :now
      WHERE office_id = :officeId AND appointment_id = :id AND status = 'CONFIRMED'
      """)
  int move(
      @Bind("officeId") String officeId,
      @Bind("id") UUID id,
      @Bind("resourceId") String resourceId,
      @Bind("startsAt") OffsetDateTime startsAt,
      @Bind("endsAt") OffsetDateTime endsAt,
      @Bind("serviceIds") String[] serviceIds,
      @Bind("persons") Integer[] persons,
      @Bind("now") OffsetDateTime now);

  @SqlUpdate("""
      INSERT INTO booking_events (office_id, appointment_id, at, actor_kind, actor_id, from_status, to_status, note)
      VALUES (:officeId, :appointmentId, :at, :actorKind, :actorId, :fromStatus, :toStatus, :note)
      """)
  void insertEvent(@BindMethods EventRow event);

  @SqlQuery("""
      SELECT office_id, appointment_id, at, actor_kind, actor_id, from_status, to_status, note
      FROM booking_events WHERE office_id = :officeId AND appointment_id = :id ORDER BY event_no
      """)
  List<EventRow> history(@Bind("officeId") String officeId, @Bind("id") UUID id);

  /**
   * Several instances may run this at once: each skips the rows another one is deleting. The
   * CTE is evaluated exactly once, so the limit holds (a sub-select in IN may run repeatedly).
   */
  @SqlUpdate("""
      WITH doomed AS (
        SELECT appointment_id FROM appointments
        WHERE office_id = :officeId AND status = 'HELD' AND expires_at <= :now
        ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)
      DELETE FROM appointments a USING doomed d
      WHERE a.office_id = :officeId AND a.appointment_id = d.appointment_id
      """)
  int deleteExpiredHolds(@Bind("officeId") String officeId, @Bind("now") OffsetDateTime now, @Bind("limit") int limit);
}
