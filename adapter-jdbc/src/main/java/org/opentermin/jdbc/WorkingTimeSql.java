package org.opentermin.jdbc;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of when resources work and offices are closed: weekly rules, extra times, absences and
 * closures, each statement next to the method that runs it on a handle.
 */
final class WorkingTimeSql {

  private WorkingTimeSql() {}

  record RuleRow(
      String resourceId,
      String kind,
      Integer[] days,
      LocalTime startTime,
      LocalTime endTime,
      LocalDate validFrom,
      LocalDate validUntil,
      int everyWeeks,
      LocalDate anchorWeek) {}

  record ExtraTimeRow(String resourceId, LocalDate day, LocalTime startTime, LocalTime endTime) {}

  record AbsenceRow(String resourceId, LocalDateTime startsAt, LocalDateTime endsAt) {}

  record ClosureRow(LocalDate day, String reason) {}

  /** Deletes the rules, extra times and absences of one resource. */
  static void deleteWorkingTime(Handle handle, String officeId, String resourceId) {
    handle
        .createUpdate(
            "DELETE FROM weekly_rules WHERE office_id = :officeId AND resource_id = :resourceId")
        .bind("officeId", officeId)
        .bind("resourceId", resourceId)
        .execute();
    handle
        .createUpdate(
            "DELETE FROM extra_times WHERE office_id = :officeId AND resource_id = :resourceId")
        .bind("officeId", officeId)
        .bind("resourceId", resourceId)
        .execute();
    handle
        .createUpdate(
            "DELETE FROM absences WHERE office_id = :officeId AND resource_id = :resourceId")
        .bind("officeId", officeId)
        .bind("resourceId", resourceId)
        .execute();
  }

  static void insertRule(Handle handle, String officeId, int position, RuleRow rule) {
    handle
        .createUpdate(
            """
            INSERT INTO weekly_rules (office_id, resource_id, kind, position, days, start_time, end_time,
                                      valid_from, valid_until, every_weeks, anchor_week)
            VALUES (:officeId, :resourceId, :kind, :position, :days, :startTime, :endTime,
                    :validFrom, :validUntil, :everyWeeks, :anchorWeek)\
            """)
        .bind("officeId", officeId)
        .bind("resourceId", rule.resourceId())
        .bind("kind", rule.kind())
        .bind("position", position)
        .bind("days", rule.days())
        .bind("startTime", rule.startTime())
        .bind("endTime", rule.endTime())
        .bind("validFrom", rule.validFrom())
        .bind("validUntil", rule.validUntil())
        .bind("everyWeeks", rule.everyWeeks())
        .bind("anchorWeek", rule.anchorWeek())
        .execute();
  }

  static void insertExtraTime(Handle handle, String officeId, int position, ExtraTimeRow extra) {
    handle
        .createUpdate(
            """
            INSERT INTO extra_times (office_id, resource_id, position, day, start_time, end_time)
            VALUES (:officeId, :resourceId, :position, :day, :startTime, :endTime)\
            """)
        .bind("officeId", officeId)
        .bind("resourceId", extra.resourceId())
        .bind("position", position)
        .bind("day", extra.day())
        .bind("startTime", extra.startTime())
        .bind("endTime", extra.endTime())
        .execute();
  }

  static void insertAbsence(Handle handle, String officeId, int position, AbsenceRow absence) {
    handle
        .createUpdate(
            """
            INSERT INTO absences (office_id, resource_id, position, starts_at, ends_at)
            VALUES (:officeId, :resourceId, :position, :startsAt, :endsAt)\
            """)
        .bind("officeId", officeId)
        .bind("resourceId", absence.resourceId())
        .bind("position", position)
        .bind("startsAt", absence.startsAt())
        .bind("endsAt", absence.endsAt())
        .execute();
  }

  static List<RuleRow> rules(Handle handle, String officeId) {
    return handle
        .createQuery(
            """
            SELECT resource_id, kind, days, start_time, end_time, valid_from, valid_until, every_weeks, anchor_week
            FROM weekly_rules WHERE office_id = :officeId ORDER BY resource_id, kind, position\
            """)
        .bind("officeId", officeId)
        .mapTo(RuleRow.class)
        .list();
  }

  static List<ExtraTimeRow> extraTimes(Handle handle, String officeId) {
    return handle
        .createQuery(
            """
            SELECT resource_id, day, start_time, end_time FROM extra_times
            WHERE office_id = :officeId ORDER BY resource_id, position\
            """)
        .bind("officeId", officeId)
        .mapTo(ExtraTimeRow.class)
        .list();
  }

  static List<AbsenceRow> absences(Handle handle, String officeId) {
    return handle
        .createQuery(
            """
            SELECT resource_id, starts_at, ends_at FROM absences
            WHERE office_id = :officeId ORDER BY resource_id, position\
            """)
        .bind("officeId", officeId)
        .mapTo(AbsenceRow.class)
        .list();
  }

  static void upsertClosure(Handle handle, String officeId, ClosureRow closure) {
    handle
        .createUpdate(
            """
            INSERT INTO office_closures (office_id, day, reason) VALUES (:officeId, :day, :reason)
            ON CONFLICT (office_id, day) DO UPDATE SET reason = excluded.reason\
            """)
        .bind("officeId", officeId)
        .bind("day", closure.day())
        .bind("reason", closure.reason())
        .execute();
  }

  static List<ClosureRow> closures(Handle handle, String officeId) {
    return handle
        .createQuery(
            "SELECT day, reason FROM office_closures WHERE office_id = :officeId ORDER BY day")
        .bind("officeId", officeId)
        .mapTo(ClosureRow.class)
        .list();
  }
}
