package org.opentermin.jdbc;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The catalog's SQL. Rows come back as the small records below; the store builds the domain. */
interface CatalogSql {

  record OfficeRow(
      String officeId,
      String name,
      String timeZone,
      String state,
      String[] regionalHolidays,
      int slotMinutes,
      long minNoticeSeconds,
      int maxDaysAhead,
      long holdSeconds) {}

  record ServiceRow(String serviceId, String name, int durationMinutes, int maxPersons, String[] channels, boolean sensitive) {}

  record ServiceDurationRow(String serviceId, String officeId, int durationMinutes) {}

  record ResourceRow(String resourceId, String name, String kind, String teamId, String[] skills) {}

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

  @SqlUpdate("""
      INSERT INTO offices (office_id, name, time_zone, state, regional_holidays, slot_minutes,
                           min_notice_seconds, max_days_ahead, hold_seconds, schedule_version)
      VALUES (:officeId, :name, :timeZone, :state, :regionalHolidays, :slotMinutes,
              :minNoticeSeconds, :maxDaysAhead, :holdSeconds, nextval('schedule_versions'))
      ON CONFLICT (office_id) DO UPDATE SET
        name = excluded.name, time_zone = excluded.time_zone, state = excluded.state,
        regional_holidays = excluded.regional_holidays, slot_minutes = excluded.slot_minutes,
        min_notice_seconds = excluded.min_notice_seconds, max_days_ahead = excluded.max_days_ahead,
        hold_seconds = excluded.hold_seconds, schedule_version = excluded.schedule_version
      """)
  void upsertOffice(@BindMethods OfficeRow office);

  @SqlQuery("SELECT * FROM offices WHERE office_id = :officeId")
  Optional<OfficeRow> office(@Bind("officeId") String officeId);

  @SqlQuery("SELECT * FROM offices ORDER BY office_id")
  List<OfficeRow> offices();

  @SqlUpdate("UPDATE offices SET schedule_version = nextval('schedule_versions') WHERE office_id = :officeId")
  int touchOffice(@Bind("officeId") String officeId);

  @SqlUpdate("UPDATE offices SET schedule_version = nextval('schedule_versions')")
  void touchAllOffices();

  @SqlQuery("SELECT schedule_version FROM offices WHERE office_id = :officeId")
  Optional<Long> scheduleVersion(@Bind("officeId") String officeId);

  @SqlUpdate("""
      INSERT INTO services (service_id, name, duration_minutes, max_persons, channels, sensitive)
      VALUES (:serviceId, :name, :durationMinutes, :maxPersons, :channels, :sensitive)
      ON CONFLICT (service_id) DO UPDATE SET
        name = excluded.name, duration_minutes = excluded.duration_minutes,
        max_persons = excluded.max_persons, channels = excluded.channels, sensitive = excluded.sensitive
      """)
  void upsertService(@BindMethods ServiceRow service);

  @SqlUpdate("DELETE FROM service_durations WHERE service_id = :serviceId")
  void deleteServiceDurations(@Bind("serviceId") String serviceId);

  @SqlUpdate("INSERT INTO service_durations (office_id, service_id, duration_minutes) VALUES (:officeId, :serviceId, :durationMinutes)")
  void insertServiceDuration(@BindMethods ServiceDurationRow duration);

  @SqlQuery("SELECT * FROM services WHERE service_id = :serviceId")
  Optional<ServiceRow> service(@Bind("serviceId") String serviceId);

  @SqlQuery("SELECT * FROM services ORDER BY service_id")
  List<ServiceRow> services();

  @SqlQuery("SELECT service_id, office_id, duration_minutes FROM service_durations ORDER BY service_id, office_id")
  List<ServiceDurationRow> serviceDurations();

  @SqlQuery("SELECT service_id, office_id, duration_minutes FROM service_durations WHERE service_id = :serviceId")
  List<ServiceDurationRow> serviceDurations(@Bind("serviceId") String serviceId);

  @SqlUpdate("""
      INSERT INTO resources (office_id, resource_id, name, kind, team_id)
      VALUES (:officeId, :resourceId, :name, :kind, :teamId)
      ON CONFLICT (office_id, resource_id) DO UPDATE SET
        name = excluded.name, kind = excluded.kind, team_id = excluded.team_id
      """)
  void upsertResource(
      @Bind("officeId") String officeId,
      @Bind("resourceId") String resourceId,
      @Bind("name") String name,
      @Bind("kind") String kind,
      @Bind("teamId") String teamId);

  @SqlUpdate("DELETE FROM resource_skills WHERE office_id = :officeId AND resource_id = :resourceId")
  void deleteSkills(@Bind("officeId") String officeId, @Bind("resourceId") String resourceId);

  @SqlUpdate("""
      INSERT INTO resource_skills (office_id, resource_id, service_id)
      SELECT :officeId, :resourceId, unnest(:serviceIds::text[])
      """)
  void insertSkills(@Bind("officeId") String officeId, @Bind("resourceId") String resourceId, @Bind("serviceIds") String[] serviceIds);

  @SqlQuery("""
      SELECT r.resource_id, r.name, r.kind, r.team_id,
             coalesce(array_agg(s.service_id ORDER BY s.service_id) FILTER (WHERE s.service_id IS NOT NULL), '{}') AS skills
      FROM resources r
      LEFT JOIN resource_skills s USING (office_id, resource_id)
      WHERE r.office_id = :officeId
      GROUP BY r.office_id, r.resource_id
      ORDER BY r.resource_id
      """)
  List<ResourceRow> resources(@Bind("officeId") String officeId);

  @SqlQuery("SELECT count(*) FROM resources WHERE office_id = :officeId AND resource_id = :resourceId")
  int countResource(@Bind("officeId") String officeId, @Bind("resourceId") String resourceId);

  @SqlUpdate("DELETE FROM weekly_rules WHERE office_id = :officeId AND resource_id = :resourceId")
  void deleteRules(@Bind("officeId") String officeId, @Bind("resourceId") String resourceId);

  @SqlUpdate("DELETE FROM extra_times WHERE office_id = :officeId AND resource_id = :resourceId")
  void deleteExtraTimes(@Bind("officeId") String officeId, @Bind("resourceId") String resourceId);

  @SqlUpdate("DELETE FROM absences WHERE office_id = :officeId AND resource_id = :resourceId")
  void deleteAbsences(@Bind("officeId") String officeId, @Bind("resourceId") String resourceId);

  @SqlUpdate("""
      INSERT INTO weekly_rules (office_id, resource_id, kind, position, days, start_time, end_time,
                                valid_from, valid_until, every_weeks, anchor_week)
      VALUES (:officeId, :resourceId, :kind, :position, :days, :startTime, :endTime,
              :validFrom, :validUntil, :everyWeeks, :anchorWeek)
      """)
  void insertRule(
      @Bind("officeId") String officeId,
      @Bind("resourceId") String resourceId,
      @Bind("kind") String kind,
      @Bind("position") int position,
      @Bind("days") Integer[] days,
      @Bind("startTime") LocalTime startTime,
      @Bind("endTime") LocalTime endTime,
      @Bind("validFrom") LocalDate validFrom,
      @Bind("validUntil") LocalDate validUntil,
      @Bind("everyWeeks") int everyWeeks,
      @Bind("anchorWeek") LocalDate anchorWeek);

  @SqlUpdate("""
      INSERT INTO extra_times (office_id, resource_id, position, day, start_time, end_time)
      VALUES (:officeId, :resourceId, :position, :day, :startTime, :endTime)
      """)
  void insertExtraTime(
      @Bind("officeId") String officeId,
      @Bind("resourceId") String resourceId,
      @Bind("position") int position,
      @Bind("day") LocalDate day,
      @Bind("startTime") LocalTime startTime,
      @Bind("endTime") LocalTime endTime);

  @SqlUpdate("""
      INSERT INTO absences (office_id, resource_id, position, starts_at, ends_at)
      VALUES (:officeId, :resourceId, :position, :startsAt, :endsAt)
      """)
  void insertAbsence(
      @Bind("officeId") String officeId,
      @Bind("resourceId") String resourceId,
      @Bind("position") int position,
      @Bind("startsAt") LocalDateTime startsAt,
      @Bind("endsAt") LocalDateTime endsAt);

  @SqlQuery("""
      SELECT resource_id, kind, days, start_time, end_time, valid_from, valid_until, every_weeks, anchor_week
      FROM weekly_rules WHERE office_id = :officeId ORDER BY resource_id, kind, position
      """)
  List<RuleRow> rules(@Bind("officeId") String officeId);

  @SqlQuery("SELECT resource_id, day, start_time, end_time FROM extra_times WHERE office_id = :officeId ORDER BY resource_id, position")
  List<ExtraTimeRow> extraTimes(@Bind("officeId") String officeId);

  @SqlQuery("SELECT resource_id, starts_at, ends_at FROM absences WHERE office_id = :officeId ORDER BY resource_id, position")
  List<AbsenceRow> absences(@Bind("officeId") String officeId);

  @SqlUpdate("""
      INSERT INTO office_closures (office_id, day, reason) VALUES (:officeId, :day, :reason)
      ON CONFLICT (office_id, day) DO UPDATE SET reason = excluded.reason
      """)
  void upsertClosure(@Bind("officeId") String officeId, @Bind("day") LocalDate day, @Bind("reason") String reason);

  @SqlQuery("SELECT day, reason FROM office_closures WHERE office_id = :officeId ORDER BY day")
  List<ClosureRow> closures(@Bind("officeId") String officeId);
}
