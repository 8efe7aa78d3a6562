package org.opentermin.jdbc;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of claims on capacity: placing a hold and confirming it, each one call of its function in
 * R__booking_functions.sql; finding both by their idempotency keys; deleting expired holds.
 * Instants travel as UTC {@link OffsetDateTime}s (timestamptz).
 */
final class ClaimSql {

  private ClaimSql() {}

  /** A hold to place on the first free candidate, in its mode. */
  record HoldClaimRow(
      String officeId,
      UUID appointmentId,
      String[] candidates,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      OffsetDateTime expiresAt,
      String channel,
      String[] serviceIds,
      Integer[] persons,
      byte[] holdKeyHash,
      String holdFingerprint,
      OffsetDateTime now,
      String clientKey,
      Integer maxLiveHolds,
      String mode) {}

  /**
   * What {@code claim_hold} answers: INSERTED (with the resource), TIME_TAKEN, KEY_TAKEN or
   * CLIENT_LIMIT.
   */
  record ClaimOutcome(String outcome, String resourceId) {}

  /**
   * Claims the first free candidate in one statement, counting the client's live holds when it has
   * a quota. The casts type the parameters that may be NULL, so that PostgreSQL can pick the
   * function.
   */
  static ClaimOutcome claimHold(Handle handle, HoldClaimRow claim) {
    return handle
        .createQuery(
            """
            SELECT outcome, resource_id FROM claim_hold(:officeId, :appointmentId, :candidates, :startsAt,
              :endsAt, :expiresAt, :channel, :serviceIds, :persons, :holdKeyHash, :holdFingerprint, :now,
              CAST(:clientKey AS text), CAST(:maxLiveHolds AS integer), :mode)\
            """)
        .bind("officeId", claim.officeId())
        .bind("appointmentId", claim.appointmentId())
        .bind("candidates", claim.candidates())
        .bind("startsAt", claim.startsAt())
        .bind("endsAt", claim.endsAt())
        .bind("expiresAt", claim.expiresAt())
        .bind("channel", claim.channel())
        .bind("serviceIds", claim.serviceIds())
        .bind("persons", claim.persons())
        .bind("holdKeyHash", claim.holdKeyHash())
        .bind("holdFingerprint", claim.holdFingerprint())
        .bind("now", claim.now())
        .bind("clientKey", claim.clientKey())
        .bind("maxLiveHolds", claim.maxLiveHolds())
        .bind("mode", claim.mode())
        .mapTo(ClaimOutcome.class)
        .one();
  }

  /** The citizen's data, the event and what an idempotent retry needs, for {@link #confirmHold}. */
  record ConfirmationRow(
      String officeId,
      UUID appointmentId,
      String[] channels,
      String reference,
      byte[] tokenHash,
      String name,
      String email,
      String phone,
      byte[] keyHash,
      String fingerprint,
      byte[] payload,
      OffsetDateTime now,
      String actorKind,
      String actorId,
      String note,
      String[] identityKeys,
      Integer maxBookings,
      OffsetDateTime windowStart,
      OffsetDateTime windowEnd,
      String videoLink,
      String citizenNote) {}

  /** What {@code confirm_hold} answers; the booking's details only when CONFIRMED. */
  record ConfirmOutcome(
      String outcome,
      String resourceId,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      String channel,
      String[] serviceIds,
      Integer[] persons,
      String mode) {}

  /**
   * Confirms in one statement, with the note and video link, counting the identity's bookings when
   * it has a quota. The casts type the parameters that may be NULL, so that PostgreSQL can pick the
   * function.
   */
  static ConfirmOutcome confirmHold(Handle handle, ConfirmationRow confirmation) {
    return handle
        .createQuery(
            """
            SELECT outcome, resource_id, starts_at, ends_at, channel, service_ids, persons, mode
            FROM confirm_hold(:officeId, :id, :channels, :reference, :tokenHash, :name, :email,
              :phone, :keyHash, :fingerprint, :payload, :now, :actorKind, :actorId, :note,
              CAST(:identityKeys AS text[]), CAST(:maxBookings AS integer),
              CAST(:windowStart AS timestamptz), CAST(:windowEnd AS timestamptz),
              CAST(:videoLink AS text), CAST(:citizenNote AS text))\
            """)
        .bind("officeId", confirmation.officeId())
        .bind("id", confirmation.appointmentId())
        .bind("channels", confirmation.channels())
        .bind("reference", confirmation.reference())
        .bind("tokenHash", confirmation.tokenHash())
        .bind("name", confirmation.name())
        .bind("email", confirmation.email())
        .bind("phone", confirmation.phone())
        .bind("keyHash", confirmation.keyHash())
        .bind("fingerprint", confirmation.fingerprint())
        .bind("payload", confirmation.payload())
        .bind("now", confirmation.now())
        .bind("actorKind", confirmation.actorKind())
        .bind("actorId", confirmation.actorId())
        .bind("note", confirmation.note())
        .bind("identityKeys", confirmation.identityKeys())
        .bind("maxBookings", confirmation.maxBookings())
        .bindByType("windowStart", confirmation.windowStart(), OffsetDateTime.class)
        .bindByType("windowEnd", confirmation.windowEnd(), OffsetDateTime.class)
        .bind("videoLink", confirmation.videoLink())
        .bind("citizenNote", confirmation.citizenNote())
        .mapTo(ConfirmOutcome.class)
        .one();
  }

  /**
   * The appointment an idempotency key was used for, with the request's fingerprint and the retry
   * payload.
   */
  record IdempotencyRow(UUID appointmentId, String fingerprint, byte[] payload) {}

  static Optional<IdempotencyRow> byHoldKey(Handle handle, String officeId, byte[] keyHash) {
    return handle
        .createQuery(
            """
            SELECT appointment_id, hold_fingerprint AS fingerprint, NULL::bytea AS payload FROM appointments
            WHERE office_id = :officeId AND hold_key_hash = :keyHash\
            """)
        .bind("officeId", officeId)
        .bind("keyHash", keyHash)
        .mapTo(IdempotencyRow.class)
        .findOne();
  }

  static Optional<IdempotencyRow> byConfirmKey(Handle handle, String officeId, byte[] keyHash) {
    return handle
        .createQuery(
            """
            SELECT appointment_id, confirm_fingerprint AS fingerprint, confirm_retry_payload AS payload
            FROM appointments WHERE office_id = :officeId AND confirm_key_hash = :keyHash\
            """)
        .bind("officeId", officeId)
        .bind("keyHash", keyHash)
        .mapTo(IdempotencyRow.class)
        .findOne();
  }

  /**
   * Several instances may run this at once: each skips the rows another one is deleting. The CTE is
   * evaluated exactly once, so the limit holds (a sub-select in IN may run repeatedly).
   */
  static int deleteExpiredHolds(Handle handle, String officeId, OffsetDateTime now, int limit) {
    return handle
        .createUpdate(
            """
            WITH doomed AS (
              SELECT appointment_id FROM appointments
              WHERE office_id = :officeId AND status = 'HELD' AND expires_at <= :now
              ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED)
            DELETE FROM appointments a USING doomed d
            WHERE a.office_id = :officeId AND a.appointment_id = d.appointment_id\
            """)
        .bind("officeId", officeId)
        .bind("now", now)
        .bind("limit", limit)
        .execute();
  }
}
