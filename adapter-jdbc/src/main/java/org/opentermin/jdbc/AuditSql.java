package org.opentermin.jdbc;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of the audit log, each statement next to the method that runs it on a handle. Booking
 * changes are not appended here: the trigger on {@code booking_events} (V11) writes them.
 */
final class AuditSql {

  private AuditSql() {}

  record EntryRow(
      String officeId,
      long entryNo,
      OffsetDateTime at,
      String actorKind,
      String actorId,
      String action,
      UUID appointmentId,
      String reference,
      String detail) {}

  static void append(Handle handle, EntryRow entry) {
    handle
        .createUpdate(
            """
            INSERT INTO audit_log (office_id, at, actor_kind, actor_id, action, appointment_id, reference, detail)
            VALUES (:officeId, :at, :actorKind, :actorId, :action, :appointmentId, :reference, :detail)\
            """)
        .bind("officeId", entry.officeId())
        .bind("at", entry.at())
        .bind("actorKind", entry.actorKind())
        .bind("actorId", entry.actorId())
        .bind("action", entry.action())
        .bind("appointmentId", entry.appointmentId())
        .bind("reference", entry.reference())
        .bind("detail", entry.detail())
        .execute();
  }

  /**
   * Up to {@code limit} entries of the office after {@code after}, optionally within {@code [from,
   * to)}, by position. A missing bound is bound as NULL and then does not restrict.
   */
  static List<EntryRow> page(
      Handle handle,
      String officeId,
      long after,
      OffsetDateTime from,
      OffsetDateTime to,
      int limit) {
    return handle
        .createQuery(
            """
            SELECT office_id, entry_no, at, actor_kind, actor_id, action, appointment_id, reference, detail
            FROM audit_log
            WHERE office_id = :officeId AND entry_no > :after
              AND (CAST(:from AS timestamptz) IS NULL OR at >= :from)
              AND (CAST(:to AS timestamptz) IS NULL OR at < :to)
            ORDER BY entry_no
            LIMIT :limit\
            """)
        .bind("officeId", officeId)
        .bind("after", after)
        .bind("from", from)
        .bind("to", to)
        .bind("limit", limit)
        .mapTo(EntryRow.class)
        .list();
  }
}
