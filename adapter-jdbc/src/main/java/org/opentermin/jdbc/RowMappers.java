package org.opentermin.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Hand-written row mappers for the adapter's row records. Reflection-based mapping costs more than
 * the queries themselves on the booking path, so every column is read explicitly.
 */
final class RowMappers {

  private RowMappers() {}

  static void registerAll(Jdbi jdbi) {
    register(
        jdbi,
        CatalogSql.OfficeRow.class,
        rs ->
            new CatalogSql.OfficeRow(
                rs.getString("office_id"),
                rs.getString("name"),
                rs.getString("time_zone"),
                rs.getString("state"),
                strings(rs, "regional_holidays"),
                rs.getInt("slot_minutes"),
                rs.getLong("min_notice_seconds"),
                rs.getInt("max_days_ahead"),
                rs.getLong("hold_seconds"),
                rs.getString("address")));
    register(
        jdbi,
        CatalogSql.ServiceRow.class,
        rs ->
            new CatalogSql.ServiceRow(
                rs.getString("service_id"),
                rs.getString("name"),
                rs.getInt("duration_minutes"),
                rs.getInt("max_persons"),
                strings(rs, "channels"),
                rs.getBoolean("sensitive")));
    register(
        jdbi,
        CatalogSql.ServiceDurationRow.class,
        rs ->
            new CatalogSql.ServiceDurationRow(
                rs.getString("service_id"),
                rs.getString("office_id"),
                rs.getInt("duration_minutes")));
    register(
        jdbi,
        CatalogSql.ServiceModeRow.class,
        rs ->
            new CatalogSql.ServiceModeRow(
                rs.getString("service_id"),
                rs.getString("mode"),
                rs.getObject("duration_minutes", Integer.class)));
    register(
        jdbi,
        CatalogSql.ServiceModeResourceRow.class,
        rs ->
            new CatalogSql.ServiceModeResourceRow(
                rs.getString("service_id"),
                rs.getString("mode"),
                rs.getString("office_id"),
                rs.getString("resource_id")));
    register(
        jdbi,
        CatalogSql.ResourceRow.class,
        rs ->
            new CatalogSql.ResourceRow(
                rs.getString("resource_id"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("team_id"),
                strings(rs, "skills")));
    register(
        jdbi,
        WorkingTimeSql.RuleRow.class,
        rs ->
            new WorkingTimeSql.RuleRow(
                rs.getString("resource_id"),
                rs.getString("kind"),
                integers(rs, "days"),
                rs.getObject("start_time", LocalTime.class),
                rs.getObject("end_time", LocalTime.class),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                rs.getInt("every_weeks"),
                rs.getObject("anchor_week", LocalDate.class)));
    register(
        jdbi,
        WorkingTimeSql.ExtraTimeRow.class,
        rs ->
            new WorkingTimeSql.ExtraTimeRow(
                rs.getString("resource_id"), rs.getObject("day", LocalDate.class),
                rs.getObject("start_time", LocalTime.class),
                    rs.getObject("end_time", LocalTime.class)));
    register(
        jdbi,
        WorkingTimeSql.AbsenceRow.class,
        rs ->
            new WorkingTimeSql.AbsenceRow(
                rs.getString("resource_id"),
                rs.getObject("starts_at", LocalDateTime.class),
                rs.getObject("ends_at", LocalDateTime.class)));
    register(
        jdbi,
        WorkingTimeSql.ClosureRow.class,
        rs ->
            new WorkingTimeSql.ClosureRow(
                rs.getObject("day", LocalDate.class), rs.getString("reason")));
    register(
        jdbi,
        AccessPolicySql.PolicyRow.class,
        rs ->
            new AccessPolicySql.PolicyRow(
                rs.getString("service_id"),
                rs.getObject("release_opens_at", LocalTime.class),
                rs.getObject("release_opens_at_nanos", Integer.class),
                rs.getBigDecimal("release_random_window_seconds"),
                integers(rs, "release_days_before"),
                integers(rs, "release_share_percent"),
                rs.getObject("contingent_block_minutes", Integer.class),
                rs.getObject("contingent_online_percent", Integer.class),
                rs.getObject("contingent_phone_percent", Integer.class),
                rs.getObject("contingent_counter_percent", Integer.class),
                rs.getObject("contingent_urgent_percent", Integer.class),
                strings(rs, "contingent_dedicated_resources"),
                strings(rs, "contingent_dedicated_to"),
                rs.getBigDecimal("contingent_release_to_online_before_seconds"),
                rs.getBigDecimal("quarantine_delay_seconds"),
                rs.getBigDecimal("quarantine_random_window_seconds"),
                rs.getObject("identity_max_bookings", Integer.class),
                rs.getBigDecimal("identity_period_seconds"),
                rs.getObject("hold_max_live_per_client", Integer.class),
                rs.getObject("reschedule_max", Integer.class),
                rs.getBigDecimal("lottery_entry_window_seconds"),
                rs.getBigDecimal("waiting_list_offer_expiry_seconds"),
                rs.getObject("challenge_always", Boolean.class),
                rs.getObject("challenge_difficulty_bits", Integer.class),
                rs.getObject("challenge_holds_per_minute", Integer.class),
                rs.getBoolean("fair_assignment"),
                strings(rs, "fair_assignment_resources"),
                integers(rs, "fair_assignment_weight_percent")));
    register(
        jdbi,
        BookingSql.AppointmentRow.class,
        rs ->
            new BookingSql.AppointmentRow(
                rs.getString("office_id"),
                rs.getObject("appointment_id", UUID.class),
                rs.getString("resource_id"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                rs.getString("status"),
                instant(rs, "expires_at"),
                rs.getString("channel"),
                strings(rs, "service_ids"),
                integers(rs, "persons"),
                rs.getString("reference"),
                rs.getBytes("manage_token_hash"),
                rs.getString("citizen_name"),
                rs.getString("citizen_email"),
                rs.getString("citizen_phone"),
                rs.getString("mode"),
                rs.getString("video_link"),
                rs.getString("citizen_note"),
                instant(rs, "erased_at")));
    register(
        jdbi,
        BookingSql.BusyRow.class,
        rs ->
            new BookingSql.BusyRow(
                rs.getString("resource_id"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                instant(rs, "expires_at")));
    register(
        jdbi,
        ClaimSql.ClaimOutcome.class,
        rs -> new ClaimSql.ClaimOutcome(rs.getString("outcome"), rs.getString("resource_id")));
    register(
        jdbi,
        ClaimSql.ConfirmOutcome.class,
        rs ->
            new ClaimSql.ConfirmOutcome(
                rs.getString("outcome"),
                rs.getString("resource_id"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                rs.getString("channel"),
                strings(rs, "service_ids"),
                integers(rs, "persons"),
                rs.getString("mode")));
    register(
        jdbi,
        BookingSql.CancellationRow.class,
        rs ->
            new BookingSql.CancellationRow(
                rs.getObject("appointment_id", UUID.class),
                rs.getString("resource_id"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                instant(rs, "cancelled_at")));
    register(
        jdbi,
        BookingSql.RescheduleStateRow.class,
        rs ->
            new BookingSql.RescheduleStateRow(
                rs.getString("status"), rs.getInt("reschedule_count")));
    register(
        jdbi,
        ClaimSql.IdempotencyRow.class,
        rs ->
            new ClaimSql.IdempotencyRow(
                rs.getObject("appointment_id", UUID.class),
                rs.getString("fingerprint"),
                rs.getBytes("payload")));
    register(
        jdbi,
        BookingSql.EventRow.class,
        rs ->
            new BookingSql.EventRow(
                rs.getString("office_id"),
                rs.getObject("appointment_id", UUID.class),
                instant(rs, "at"),
                rs.getString("actor_kind"),
                rs.getString("actor_id"),
                rs.getString("from_status"),
                rs.getString("to_status"),
                rs.getString("note")));
    register(
        jdbi,
        AuditSql.EntryRow.class,
        rs ->
            new AuditSql.EntryRow(
                rs.getString("office_id"),
                rs.getLong("entry_no"),
                instant(rs, "at"),
                rs.getString("actor_kind"),
                rs.getString("actor_id"),
                rs.getString("action"),
                rs.getObject("appointment_id", UUID.class),
                rs.getString("reference"),
                rs.getString("detail")));
    register(
        jdbi,
        AccessTokenSql.TokenRow.class,
        rs ->
            new AccessTokenSql.TokenRow(
                rs.getBytes("token_hash"),
                rs.getString("token_id"),
                rs.getString("role"),
                strings(rs, "office_ids"),
                instant(rs, "issued_at")));
  }

  /** Reads one row; may throw what JDBC throws. */
  @FunctionalInterface
  private interface Reader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private static <T> void register(Jdbi jdbi, Class<T> type, Reader<T> reader) {
    jdbi.registerRowMapper(type, (RowMapper<T>) (rs, context) -> reader.read(rs));
  }

  private static OffsetDateTime instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }

  private static String[] strings(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    return array == null ? null : (String[]) array.getArray();
  }

  private static Integer[] integers(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    return array == null ? null : (Integer[]) array.getArray();
  }
}
