package org.opentermin.jdbc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The SQL of lottery draws and entries, each statement next to the method that runs it on a handle.
 */
final class LotterySql {

  private LotterySql() {}

  record DrawRow(
      String officeId,
      LocalDate day,
      int wave,
      OffsetDateTime drawAt,
      String commitment,
      String status,
      OffsetDateTime claimedAt,
      String seed,
      OffsetDateTime drawnAt) {}

  record EntryRow(
      String entryId,
      String officeId,
      LocalDate day,
      int wave,
      byte[] tokenHash,
      String[] serviceIds,
      Integer[] persons,
      String citizenName,
      String citizenEmail,
      String citizenPhone,
      boolean waitingListIfLost,
      OffsetDateTime enteredAt,
      String outcome,
      String reference,
      OffsetDateTime appointmentStart) {}

  private static final String DRAW_COLUMNS =
      "office_id, day, wave, draw_at, commitment, status, claimed_at, seed, drawn_at";

  private static final String ENTRY_COLUMNS =
      """
      entry_id, office_id, day, wave, token_hash, service_ids, persons, citizen_name, citizen_email,
      citizen_phone, waiting_list_if_lost, entered_at, outcome, reference, appointment_start\
      """;

  private static final RowMapper<DrawRow> DRAW =
      (rs, ctx) ->
          new DrawRow(
              rs.getString("office_id"),
              rs.getObject("day", LocalDate.class),
              rs.getInt("wave"),
              utc(rs.getObject("draw_at", OffsetDateTime.class)),
              rs.getString("commitment"),
              rs.getString("status"),
              utc(rs.getObject("claimed_at", OffsetDateTime.class)),
              rs.getString("seed"),
              utc(rs.getObject("drawn_at", OffsetDateTime.class)));

  private static final RowMapper<EntryRow> ENTRY =
      (rs, ctx) ->
          new EntryRow(
              rs.getString("entry_id"),
              rs.getString("office_id"),
              rs.getObject("day", LocalDate.class),
              rs.getInt("wave"),
              rs.getBytes("token_hash"),
              (String[]) rs.getArray("service_ids").getArray(),
              (Integer[]) rs.getArray("persons").getArray(),
              rs.getString("citizen_name"),
              rs.getString("citizen_email"),
              rs.getString("citizen_phone"),
              rs.getBoolean("waiting_list_if_lost"),
              utc(rs.getObject("entered_at", OffsetDateTime.class)),
              rs.getString("outcome"),
              rs.getString("reference"),
              utc(rs.getObject("appointment_start", OffsetDateTime.class)));

  private static OffsetDateTime utc(OffsetDateTime value) {
    return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC);
  }

  /** Adds the draw unless it exists. */
  static void insertDrawIfAbsent(Handle handle, DrawRow draw) {
    handle
        .createUpdate(
            """
            INSERT INTO lottery_draws (office_id, day, wave, draw_at, commitment, status)
            VALUES (:officeId, :day, :wave, :drawAt, :commitment, 'OPEN')
            ON CONFLICT (office_id, day, wave) DO NOTHING\
            """)
        .bind("officeId", draw.officeId())
        .bind("day", draw.day())
        .bind("wave", draw.wave())
        .bind("drawAt", draw.drawAt())
        .bind("commitment", draw.commitment())
        .execute();
  }

  /** The draw's status, its row locked against a claim until the transaction ends. */
  static Optional<String> lockDrawForEntry(
      Handle handle, String officeId, LocalDate day, int wave) {
    return handle
        .createQuery(
            """
            SELECT status FROM lottery_draws WHERE office_id = :officeId AND day = :day AND wave = :wave
            FOR SHARE\
            """)
        .bind("officeId", officeId)
        .bind("day", day)
        .bind("wave", wave)
        .mapTo(String.class)
        .findOne();
  }

  static void insertEntry(Handle handle, EntryRow entry) {
    handle
        .createUpdate(
            "INSERT INTO lottery_entries ("
                + ENTRY_COLUMNS
                + "\n"
                + """
                ) VALUES (:entryId, :officeId, :day, :wave, :tokenHash, :serviceIds, :persons, :citizenName,
                  :citizenEmail, :citizenPhone, :waitingListIfLost, :enteredAt, :outcome, :reference, :appointmentStart)\
                """)
        .bind("entryId", entry.entryId())
        .bind("officeId", entry.officeId())
        .bind("day", entry.day())
        .bind("wave", entry.wave())
        .bind("tokenHash", entry.tokenHash())
        .bind("serviceIds", entry.serviceIds())
        .bind("persons", entry.persons())
        .bind("citizenName", entry.citizenName())
        .bind("citizenEmail", entry.citizenEmail())
        .bind("citizenPhone", entry.citizenPhone())
        .bind("waitingListIfLost", entry.waitingListIfLost())
        .bind("enteredAt", entry.enteredAt())
        .bind("outcome", entry.outcome())
        .bind("reference", entry.reference())
        .bind("appointmentStart", entry.appointmentStart())
        .execute();
  }

  /** Whether the identity was still free in the draw, and is now taken by the entry. */
  static boolean claimIdentity(
      Handle handle, String officeId, LocalDate day, int wave, String identityKey, String entryId) {
    return handle
            .createUpdate(
                """
                INSERT INTO lottery_entry_identities (office_id, day, wave, identity_key, entry_id)
                VALUES (:officeId, :day, :wave, :identityKey, :entryId)
                ON CONFLICT (office_id, day, wave, identity_key) DO NOTHING\
                """)
            .bind("officeId", officeId)
            .bind("day", day)
            .bind("wave", wave)
            .bind("identityKey", identityKey)
            .bind("entryId", entryId)
            .execute()
        == 1;
  }

  static Optional<EntryRow> entry(Handle handle, String entryId) {
    return handle
        .createQuery("SELECT " + ENTRY_COLUMNS + " FROM lottery_entries WHERE entry_id = :entryId")
        .bind("entryId", entryId)
        .map(ENTRY)
        .findOne();
  }

  static List<EntryRow> entries(Handle handle, String officeId, LocalDate day, int wave) {
    return handle
        .createQuery(
            "SELECT "
                + ENTRY_COLUMNS
                + "\n"
                + """
                FROM lottery_entries WHERE office_id = :officeId AND day = :day AND wave = :wave\
                """)
        .bind("officeId", officeId)
        .bind("day", day)
        .bind("wave", wave)
        .map(ENTRY)
        .list();
  }

  static List<String> identityKeys(Handle handle, String entryId) {
    return handle
        .createQuery("SELECT identity_key FROM lottery_entry_identities WHERE entry_id = :entryId")
        .bind("entryId", entryId)
        .mapTo(String.class)
        .list();
  }

  /** Identity keys of every entry of a draw, as (entry id, key) pairs. */
  static List<String[]> identityKeysOfDraw(
      Handle handle, String officeId, LocalDate day, int wave) {
    return handle
        .createQuery(
            """
            SELECT entry_id, identity_key FROM lottery_entry_identities
            WHERE office_id = :officeId AND day = :day AND wave = :wave\
            """)
        .bind("officeId", officeId)
        .bind("day", day)
        .bind("wave", wave)
        .map((rs, ctx) -> new String[] {rs.getString("entry_id"), rs.getString("identity_key")})
        .list();
  }

  static Optional<DrawRow> draw(Handle handle, String officeId, LocalDate day, int wave) {
    return handle
        .createQuery(
            "SELECT "
                + DRAW_COLUMNS
                + "\n"
                + """
                FROM lottery_draws WHERE office_id = :officeId AND day = :day AND wave = :wave\
                """)
        .bind("officeId", officeId)
        .bind("day", day)
        .bind("wave", wave)
        .map(DRAW)
        .findOne();
  }

  static List<DrawRow> draws(Handle handle, String officeId, LocalDate day) {
    return handle
        .createQuery(
            "SELECT "
                + DRAW_COLUMNS
                + "\n"
                + """
                FROM lottery_draws WHERE office_id = :officeId AND day = :day ORDER BY wave\
                """)
        .bind("officeId", officeId)
        .bind("day", day)
        .map(DRAW)
        .list();
  }

  /** Open draws whose time has come and claims older than {@code reclaimBefore}, earliest first. */
  static List<DrawRow> due(Handle handle, OffsetDateTime now, OffsetDateTime reclaimBefore) {
    return handle
        .createQuery(
            "SELECT "
                + DRAW_COLUMNS
                + "\n"
                + """
                 FROM lottery_draws
                WHERE status <> 'DRAWN'
                  AND ((status = 'OPEN' AND draw_at <= :now) OR (status = 'DRAWING' AND claimed_at < :reclaimBefore))
                ORDER BY draw_at\
                """)
        .bind("now", now)
        .bind("reclaimBefore", reclaimBefore)
        .map(DRAW)
        .list();
  }

  /** The claim: a conditional update that exactly one of concurrent callers makes. */
  static boolean claim(
      Handle handle,
      String officeId,
      LocalDate day,
      int wave,
      OffsetDateTime now,
      OffsetDateTime reclaimBefore) {
    return handle
            .createUpdate(
                """
                UPDATE lottery_draws SET status = 'DRAWING', claimed_at = :now
                WHERE office_id = :officeId AND day = :day AND wave = :wave
                  AND ((status = 'OPEN' AND draw_at <= :now) OR (status = 'DRAWING' AND claimed_at < :reclaimBefore))\
                """)
            .bind("officeId", officeId)
            .bind("day", day)
            .bind("wave", wave)
            .bind("now", now)
            .bind("reclaimBefore", reclaimBefore)
            .execute()
        == 1;
  }

  /** Records the outcome of a pending entry and forgets its citizen's data. */
  static boolean resolve(
      Handle handle, String entryId, String outcome, String reference, OffsetDateTime start) {
    return handle
            .createUpdate(
                """
                UPDATE lottery_entries
                   SET outcome = :outcome, reference = :reference, appointment_start = :start,
                       citizen_name = NULL, citizen_email = NULL, citizen_phone = NULL
                 WHERE entry_id = :entryId AND outcome = 'PENDING'\
                """)
            .bind("entryId", entryId)
            .bind("outcome", outcome)
            .bind("reference", reference)
            .bind("start", start)
            .execute()
        == 1;
  }

  static boolean finish(
      Handle handle,
      String officeId,
      LocalDate day,
      int wave,
      String seed,
      OffsetDateTime drawnAt) {
    return handle
            .createUpdate(
                """
                UPDATE lottery_draws SET status = 'DRAWN', seed = :seed, drawn_at = :drawnAt
                WHERE office_id = :officeId AND day = :day AND wave = :wave AND status = 'DRAWING'\
                """)
            .bind("officeId", officeId)
            .bind("day", day)
            .bind("wave", wave)
            .bind("seed", seed)
            .bind("drawnAt", drawnAt)
            .execute()
        == 1;
  }
}
