package org.opentermin.jdbc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of personal data: erasing a booking's personal data (alone or in retention batches),
 * offices' retention periods, and deleting finished waiting-list and lottery entries (a booking's
 * note is written with the booking, by confirm_hold). Each erasure is one statement: the rows it
 * erases are locked by it, so concurrent erasures never erase a booking twice, and retention
 * batches skip the rows another instance is erasing.
 */
final class PrivacySql {

  private PrivacySql() {}

  /**
   * What erasing sets on an appointment row, after {@code SET}: every personal column empty, the
   * row marked erased at {@code :at}. V10__retention.sql checks that nothing personal is left.
   */
  private static final String ERASED =
      """
      citizen_name = NULL, citizen_email = NULL, citizen_phone = NULL, citizen_note = NULL,
      reference = NULL, manage_token_hash = NULL, client_key = NULL, identity_keys = '{}',
      hold_key_hash = NULL, hold_fingerprint = NULL, confirm_key_hash = NULL, confirm_fingerprint = NULL,
      confirm_retry_payload = NULL, video_link = NULL, erased_at = :at, updated_at = :at\
      """;

  /**
   * After the CTE {@code erased (appointment_id, from_status, to_status)} and {@code doomed
   * (reference)}: frees the references, empties the notes of the erased bookings' earlier events,
   * records one event each, and counts them. The sub-statements share one snapshot, so the notes
   * emptied are exactly those before the new events.
   */
  private static final String THEN_FREE_REFERENCES_AND_RECORD =
      """
      ,
      freed AS (
        DELETE FROM booking_references r USING doomed d WHERE r.reference = d.reference),
      notes AS (
        UPDATE booking_events e SET note = '' FROM erased x
        WHERE e.office_id = :officeId AND e.appointment_id = x.appointment_id AND e.note <> ''),
      recorded AS (
        INSERT INTO booking_events (office_id, appointment_id, at, actor_kind, actor_id, from_status, to_status, note)
        SELECT :officeId, x.appointment_id, :at, :actorKind, :actorId, x.from_status, x.to_status, :note FROM erased x)
      SELECT count(*) FROM erased\
      """;

  /**
   * Erases one booking if it is still in status {@code expected} and not erased, changing its
   * status to {@code to}; a cancellation records its instant for the quarantine. Returns 1 if it
   * was erased, else 0.
   */
  static int erase(
      Handle handle,
      String officeId,
      UUID id,
      String expected,
      String to,
      OffsetDateTime at,
      String actorKind,
      String actorId,
      String note) {
    return handle
        .createQuery(
            """
            WITH doomed AS (
              SELECT appointment_id, reference FROM appointments
              WHERE office_id = :officeId AND appointment_id = :id AND status = :expected AND status <> 'HELD'
                AND erased_at IS NULL
              FOR UPDATE),
            erased AS (
              UPDATE appointments a SET status = :to,
                cancelled_at = CASE WHEN :to = 'CANCELLED' AND a.status <> 'CANCELLED' THEN CAST(:at AS timestamptz)
                                    ELSE a.cancelled_at END,
            """
                + ERASED
                + """

                FROM doomed d WHERE a.office_id = :officeId AND a.appointment_id = d.appointment_id
                RETURNING a.appointment_id, CAST(:expected AS text) AS from_status, a.status AS to_status)\
                """
                + THEN_FREE_REFERENCES_AND_RECORD)
        .bind("officeId", officeId)
        .bind("id", id)
        .bind("expected", expected)
        .bind("to", to)
        .bind("at", at)
        .bind("actorKind", actorKind)
        .bind("actorId", actorId)
        .bind("note", note)
        .mapTo(Integer.class)
        .one();
  }

  /**
   * Erases up to {@code limit} bookings of the office that are not erased and ended, or were
   * cancelled, at or before {@code finishedBy}, each keeping its status, with an event of the
   * system. Rows another instance is erasing are skipped; the partial indexes of V10 find the
   * candidates (the predicates repeat theirs).
   */
  static int eraseFinished(
      Handle handle,
      String officeId,
      OffsetDateTime finishedBy,
      OffsetDateTime at,
      int limit,
      String note) {
    return handle
        .createQuery(
            """
            WITH doomed AS (
              SELECT appointment_id, reference FROM appointments
              WHERE office_id = :officeId AND erased_at IS NULL AND status <> 'HELD'
                AND (ends_at <= :finishedBy OR (status = 'CANCELLED' AND cancelled_at <= :finishedBy))
              ORDER BY ends_at LIMIT :limit
              FOR UPDATE SKIP LOCKED),
            erased AS (
              UPDATE appointments a SET
            """
                + ERASED
                + """

                FROM doomed d WHERE a.office_id = :officeId AND a.appointment_id = d.appointment_id
                RETURNING a.appointment_id, a.status AS from_status, a.status AS to_status)\
                """
                + THEN_FREE_REFERENCES_AND_RECORD)
        .bind("officeId", officeId)
        .bind("finishedBy", finishedBy)
        .bind("limit", limit)
        .bind("at", at)
        .bind("actorKind", "SYSTEM")
        .bind("actorId", "")
        .bind("note", note)
        .mapTo(Integer.class)
        .one();
  }

  /** Which pseudonyms a booking that is not erased carries. */
  record PseudonymsRow(boolean identityKeys, boolean clientKey, boolean idempotencyKey) {}

  static Optional<PseudonymsRow> pseudonyms(Handle handle, String officeId, UUID id) {
    return handle
        .createQuery(
            """
            SELECT identity_keys <> '{}' AS identity_keys, client_key IS NOT NULL AS client_key,
                   (hold_key_hash IS NOT NULL OR confirm_key_hash IS NOT NULL) AS idempotency_key
            FROM appointments
            WHERE office_id = :officeId AND appointment_id = :id AND status <> 'HELD' AND erased_at IS NULL\
            """)
        .bind("officeId", officeId)
        .bind("id", id)
        .map(
            (rs, ctx) ->
                new PseudonymsRow(
                    rs.getBoolean("identity_keys"),
                    rs.getBoolean("client_key"),
                    rs.getBoolean("idempotency_key")))
        .findOne();
  }

  /**
   * The office's retention days: empty for an unknown office, a null value for one without its own.
   */
  static Optional<Optional<Integer>> retentionDays(Handle handle, String officeId) {
    return handle
        .createQuery(
            """
            SELECT r.retention_days FROM offices o LEFT JOIN office_retention r USING (office_id)
            WHERE o.office_id = :officeId\
            """)
        .bind("officeId", officeId)
        .map((rs, ctx) -> Optional.ofNullable(rs.getObject("retention_days", Integer.class)))
        .findOne();
  }

  static void saveRetentionDays(Handle handle, String officeId, int days) {
    handle
        .createUpdate(
            """
            INSERT INTO office_retention (office_id, retention_days) VALUES (:officeId, :days)
            ON CONFLICT (office_id) DO UPDATE SET retention_days = EXCLUDED.retention_days\
            """)
        .bind("officeId", officeId)
        .bind("days", days)
        .execute();
  }

  /**
   * Deletes up to {@code limit} waiting-list entries of the office that left the list at or before
   * {@code closedBy}, or whose dates ended on or before {@code datesEndedBy}; entries another
   * instance is deleting are skipped.
   */
  static int deleteFinishedEntries(
      Handle handle, String officeId, OffsetDateTime closedBy, LocalDate datesEndedBy, int limit) {
    return handle
        .createUpdate(
            """
            WITH doomed AS (
              SELECT entry_id FROM waiting_list_entries
              WHERE office_id = :officeId
                AND ((status NOT IN ('WAITING', 'OFFERED') AND changed_at <= :closedBy) OR end_day <= :datesEndedBy)
              ORDER BY changed_at LIMIT :limit
              FOR UPDATE SKIP LOCKED)
            DELETE FROM waiting_list_entries w USING doomed d
            WHERE w.office_id = :officeId AND w.entry_id = d.entry_id\
            """)
        .bind("officeId", officeId)
        .bind("closedBy", closedBy)
        .bind("datesEndedBy", datesEndedBy)
        .bind("limit", limit)
        .execute();
  }

  /**
   * Deletes up to {@code limit} lottery entries of the office's draws for days before {@code
   * dayBefore}, their identity keys first (the foreign key is checked at the end of the statement);
   * entries another instance is deleting are skipped.
   */
  static int deleteLotteryEntries(Handle handle, String officeId, LocalDate dayBefore, int limit) {
    return handle
        .createQuery(
            """
            WITH doomed AS (
              SELECT entry_id FROM lottery_entries
              WHERE office_id = :officeId AND day < :dayBefore
              ORDER BY day LIMIT :limit
              FOR UPDATE SKIP LOCKED),
            identities AS (
              DELETE FROM lottery_entry_identities i USING doomed d WHERE i.entry_id = d.entry_id),
            deleted AS (
              DELETE FROM lottery_entries e USING doomed d WHERE e.entry_id = d.entry_id RETURNING e.entry_id)
            SELECT count(*) FROM deleted\
            """)
        .bind("officeId", officeId)
        .bind("dayBefore", dayBefore)
        .bind("limit", limit)
        .mapTo(Integer.class)
        .one();
  }
}
