package org.opentermin.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The SQL of waiting-list entries, each statement next to the method that runs it on a handle. */
final class WaitingListSql {

  private WaitingListSql() {}

  private static final String COLUMNS =
      """
      office_id, entry_id, service_ids, persons, first_day, end_day, citizen_name, citizen_email, citizen_phone,
      identity_keys, token_hash, registered_at, status, offered_hold, offered_start, offer_deadline, changed_at\
      """;

  record EntryRow(
      String officeId,
      UUID entryId,
      String[] serviceIds,
      Integer[] persons,
      LocalDate firstDay,
      LocalDate endDay,
      String citizenName,
      String citizenEmail,
      String citizenPhone,
      String[] identityKeys,
      byte[] tokenHash,
      OffsetDateTime registeredAt,
      String status,
      UUID offeredHold,
      OffsetDateTime offeredStart,
      OffsetDateTime offerDeadline,
      OffsetDateTime changedAt) {}

  /**
   * Serializes additions for the same person at the office until the transaction ends: one
   * transaction-scoped advisory lock per identity key, taken in sorted order so that two additions
   * never wait for each other crosswise.
   */
  static void lockIdentities(Handle handle, String officeId, List<String> sortedKeys) {
    for (String key : sortedKeys) {
      handle
          .createQuery("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))")
          .bind("lock", "waiting-list:" + officeId + ":" + key)
          .mapTo(String.class)
          .one();
    }
  }

  /** Whether an open entry of the office shares an identity key and a service with the new one. */
  static boolean openEntryExists(
      Handle handle, String officeId, String[] identityKeys, String[] serviceIds) {
    return handle
        .createQuery(
            """
            SELECT EXISTS (
              SELECT 1 FROM waiting_list_entries
              WHERE office_id = :officeId AND status IN ('WAITING', 'OFFERED')
                AND identity_keys && CAST(:identityKeys AS text[]) AND service_ids && CAST(:serviceIds AS text[]))\
            """)
        .bind("officeId", officeId)
        .bind("identityKeys", identityKeys)
        .bind("serviceIds", serviceIds)
        .mapTo(Boolean.class)
        .one();
  }

  static void insert(Handle handle, EntryRow row) {
    handle
        .createUpdate(
            "INSERT INTO waiting_list_entries ("
                + COLUMNS
                + ") VALUES "
                + """
                (:officeId, :entryId, :serviceIds, :persons, :firstDay, :endDay, :citizenName, :citizenEmail,
                  :citizenPhone, :identityKeys, :tokenHash, :registeredAt, :status, :offeredHold, :offeredStart,
                  :offerDeadline, :changedAt)\
                """)
        .bind("officeId", row.officeId())
        .bind("entryId", row.entryId())
        .bind("serviceIds", row.serviceIds())
        .bind("persons", row.persons())
        .bind("firstDay", row.firstDay())
        .bind("endDay", row.endDay())
        .bind("citizenName", row.citizenName())
        .bind("citizenEmail", row.citizenEmail())
        .bind("citizenPhone", row.citizenPhone())
        .bind("identityKeys", row.identityKeys())
        .bind("tokenHash", row.tokenHash())
        .bind("registeredAt", row.registeredAt())
        .bind("status", row.status())
        .bind("offeredHold", row.offeredHold())
        .bind("offeredStart", row.offeredStart())
        .bind("offerDeadline", row.offerDeadline())
        .bind("changedAt", row.changedAt())
        .execute();
  }

  static Optional<EntryRow> find(Handle handle, String officeId, UUID entryId) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM waiting_list_entries WHERE office_id = :officeId AND entry_id = :entryId")
        .bind("officeId", officeId)
        .bind("entryId", entryId)
        .map(WaitingListSql::entryRow)
        .findOne();
  }

  static List<EntryRow> entries(Handle handle, String officeId, String[] statuses) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM waiting_list_entries WHERE office_id = :officeId AND status ="
                + " ANY(CAST(:statuses AS text[])) ORDER BY registered_at, entry_id")
        .bind("officeId", officeId)
        .bind("statuses", statuses)
        .map(WaitingListSql::entryRow)
        .list();
  }

  /** Records the offer if the entry is still waiting; whether it was. */
  static boolean offer(
      Handle handle,
      String officeId,
      UUID entryId,
      UUID hold,
      OffsetDateTime start,
      OffsetDateTime deadline,
      OffsetDateTime at) {
    return handle
            .createUpdate(
                """
                UPDATE waiting_list_entries
                SET status = 'OFFERED', offered_hold = :hold, offered_start = :start, offer_deadline = :deadline, changed_at = :at
                WHERE office_id = :officeId AND entry_id = :entryId AND status = 'WAITING'\
                """)
            .bind("officeId", officeId)
            .bind("entryId", entryId)
            .bind("hold", hold)
            .bind("start", start)
            .bind("deadline", deadline)
            .bind("at", at)
            .execute()
        == 1;
  }

  /** Changes the status if it is still the expected one; whether it was. */
  static boolean changeStatus(
      Handle handle,
      String officeId,
      UUID entryId,
      String expected,
      String target,
      OffsetDateTime at) {
    return handle
            .createUpdate(
                """
                UPDATE waiting_list_entries SET status = :target, changed_at = :at
                WHERE office_id = :officeId AND entry_id = :entryId AND status = :expected\
                """)
            .bind("officeId", officeId)
            .bind("entryId", entryId)
            .bind("expected", expected)
            .bind("target", target)
            .bind("at", at)
            .execute()
        == 1;
  }

  /** Deletes the appointment if it is still a hold (live or not), never a booking. */
  static boolean deleteHold(Handle handle, String officeId, UUID hold) {
    return handle
            .createUpdate(
                """
                DELETE FROM appointments WHERE office_id = :officeId AND appointment_id = :hold AND status = 'HELD'\
                """)
            .bind("officeId", officeId)
            .bind("hold", hold)
            .execute()
        == 1;
  }

  private static EntryRow entryRow(ResultSet rs, StatementContext context) throws SQLException {
    return new EntryRow(
        rs.getString("office_id"),
        rs.getObject("entry_id", UUID.class),
        array(rs, "service_ids", String[].class),
        array(rs, "persons", Integer[].class),
        rs.getObject("first_day", LocalDate.class),
        rs.getObject("end_day", LocalDate.class),
        rs.getString("citizen_name"),
        rs.getString("citizen_email"),
        rs.getString("citizen_phone"),
        array(rs, "identity_keys", String[].class),
        rs.getBytes("token_hash"),
        rs.getObject("registered_at", OffsetDateTime.class),
        rs.getString("status"),
        rs.getObject("offered_hold", UUID.class),
        rs.getObject("offered_start", OffsetDateTime.class),
        rs.getObject("offer_deadline", OffsetDateTime.class),
        rs.getObject("changed_at", OffsetDateTime.class));
  }

  private static <T> T array(ResultSet rs, String column, Class<T> type) throws SQLException {
    Array array = rs.getArray(column);
    return array == null ? null : type.cast(array.getArray());
  }
}
