package org.opentermin.jdbc;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The catalog's SQL, each statement next to the method that runs it on a handle. Rows come back
 * as the small records below; the store builds the domain values from them.
 */
final class CatalogSql {

  private CatalogSql() {}

  record OfficeRow(
      String officeId,
      String name,
      String timeZone,
      String state,
      String[] regionalHolidays,
      int slotMinutes,
      long minNoticeSeconds,
      int maxDaysAhead,
      long holdSeconds,
      String address) {}

  record ServiceRow(String serviceId, String name, int durationMinutes, int maxPersons, String[] channels, boolean sensitive) {}

  record ServiceDurationRow(String serviceId, String officeId, int durationMinutes) {}

  /** A mode a service is served in; durationMinutes null: the service's own duration. */
  record ServiceModeRow(String serviceId, String mode, Integer durationMinutes) {}

  /** One of the only resources that serve a service in a mode at an office. */
  record ServiceModeResourceRow(String serviceId, String mode, String officeId, String resourceId) {}

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

  static void upsertOffice(Handle handle, OfficeRow office) {
    handle.createUpdate("""
            INSERT INTO offices (office_id, name, time_zone, state, regional_holidays, slot_minutes,
                                 min_notice_seconds, max_days_ahead, hold_seconds, address, schedule_version)
            VALUES (:officeId, :name, :timeZone, :state, :regionalHolidays, :slotMinutes,
                    :minNoticeSeconds, :maxDaysAhead, :holdSeconds, :address, nextval('schedule_versions'))
            ON CONFLICT (office_id) DO UPDATE SET
              name = excluded.name, time_zone = excluded.time_zone, state = excluded.state,
              regional_holidays = excluded.regional_holidays, slot_minutes = excluded.slot_minutes,
              min_notice_seconds = excluded.min_notice_seconds, max_days_ahead = excluded.max_days_ahead,
              hold_seconds = excluded.hold_seconds, address = excluded.address,
              schedule_version = excluded.schedule_version""")
        .bind("officeId", office.officeId())
        .bind("name", office.name())
        .bind("timeZone", office.timeZone())
        .bind("state", office.state())
        .bind("regionalHolidays", office.regionalHolidays())
        .bind("slotMinutes", office.slotMinutes())
        .bind("minNoticeSeconds", office.minNoticeSeconds())
        .bind("maxDaysAhead", office.maxDaysAhead())
        .bind("holdSeconds", office.holdSeconds())
        .bind("address", office.address())
        .execute();
  }

  static Optional<OfficeRow> office(Handle handle, String officeId) {
    return handle.createQuery("SELECT * FROM offices WHERE office_id = :officeId")
        .bind("officeId", officeId)
        .mapTo(OfficeRow.class)
        .findOne();
  }

  static List<OfficeRow> offices(Handle handle) {
    return handle.createQuery("SELECT * FROM offices ORDER BY office_id").mapTo(OfficeRow.class).list();
  }

  /** Marks the office's schedule as changed; 0 if there is no such office. */
  static int touchOffice(Handle handle, String officeId) {
    return handle.createUpdate("UPDATE offices SET schedule_version = nextval('schedule_versions') WHERE office_id = :officeId")
        .bind("officeId", officeId)
        .execute();
  }

  static void touchAllOffices(Handle handle) {
    handle.createUpdate("UPDATE offices SET schedule_version = nextval('schedule_versions')").execute();
  }

  static Optional<Long> scheduleVersion(Handle handle, String officeId) {
    return handle.createQuery("SELECT schedule_version FROM offices WHERE office_id = :officeId")
        .bind("officeId", officeId)
        .mapTo(Long.class)
        .findOne();
  }

  static Optional<UUID> fairnessSecret(Handle handle, String officeId) {
    return handle.createQuery("SELECT fairness_secret FROM offices WHERE office_id = :officeId")
        .bind("officeId", officeId)
        .mapTo(UUID.class)
        .findOne();
  }

  static boolean serviceExists(Handle handle, String serviceId) {
    return handle.createQuery("SELECT 1 FROM services WHERE service_id = :serviceId")
        .bind("serviceId", serviceId)
        .mapTo(Integer.class)
        .findOne()
        .isPresent();
  }

  /**
   * One row of access_policies, column by column (see V4__fair_access.sql); serviceId is ''
   * for the office's own policy, and a rule's columns are null while it is off.
   */
  record PolicyRow(
      String serviceId,
      LocalTime releaseOpensAt,
      Integer releaseOpensAtNanos,
      BigDecimal releaseRandomWindowSeconds,
      Integer[] releaseDaysBefore,
      Integer[] releaseSharePercent,
      Integer contingentBlockMinutes,
      Integer contingentOnlinePercent,
      Integer contingentPhonePercent,
      Integer contingentCounterPercent,
      Integer contingentUrgentPercent,
      String[] contingentDedicatedResources,
      String[] contingentDedicatedTo,
      BigDecimal contingentReleaseToOnlineBeforeSeconds,
      BigDecimal quarantineDelaySeconds,
      BigDecimal quarantineRandomWindowSeconds,
      Integer identityMaxBookings,
      BigDecimal identityPeriodSeconds,
      Integer holdMaxLivePerClient,
      Integer rescheduleMax,
      BigDecimal lotteryEntryWindowSeconds,
      BigDecimal waitingListOfferExpirySeconds,
      Boolean challengeAlways,
      Integer challengeDifficultyBits,
      Integer challengeHoldsPerMinute,
      boolean fairAssignment,
      String[] fairAssignmentResources,
      Integer[] fairAssignmentWeightPercent) {}

  static List<PolicyRow> accessPolicies(Handle handle, String officeId) {
    return handle.createQuery("SELECT * FROM access_policies WHERE office_id = :officeId ORDER BY service_id")
        .bind("officeId", officeId)
        .mapTo(PolicyRow.class)
        .list();
  }

  static void deleteAccessPolicy(Handle handle, String officeId, String serviceId) {
    handle.createUpdate("DELETE FROM access_policies WHERE office_id = :officeId AND service_id = :serviceId")
        .bind("officeId", officeId)
        .bind("serviceId", serviceId)
        .execute();
  }

  static void insertAccessPolicy(Handle handle, String officeId, PolicyRow policy) {
    handle.createUpdate("""
            INSERT INTO access_policies (
              office_id, service_id,
              release_opens_at, release_opens_at_nanos, release_random_window_seconds,
              release_days_before, release_share_percent,
              contingent_block_minutes, contingent_online_percent, contingent_phone_percent,
              contingent_counter_percent, contingent_urgent_percent,
              contingent_dedicated_resources, contingent_dedicated_to,
              contingent_release_to_online_before_seconds,
              quarantine_delay_seconds, quarantine_random_window_seconds,
              identity_max_bookings, identity_period_seconds,
              hold_max_live_per_client, reschedule_max,
              lottery_entry_window_seconds, waiting_list_offer_expiry_seconds,
              challenge_always, challenge_difficulty_bits, challenge_holds_per_minute,
              fair_assignment, fair_assignment_resources, fair_assignment_weight_percent)
            VALUES (
              :officeId, :serviceId,
              CAST(:releaseOpensAt AS time), CAST(:releaseOpensAtNanos AS integer), CAST(:releaseRandomWindowSeconds AS numeric),
              CAST(:releaseDaysBefore AS integer[]), CAST(:releaseSharePercent AS integer[]),
              CAST(:contingentBlockMinutes AS integer), CAST(:contingentOnlinePercent AS integer),
              CAST(:contingentPhonePercent AS integer),
              CAST(:contingentCounterPercent AS integer), CAST(:contingentUrgentPercent AS integer),
              CAST(:contingentDedicatedResources AS text[]), CAST(:contingentDedicatedTo AS text[]),
              CAST(:contingentReleaseToOnlineBeforeSeconds AS numeric),
              CAST(:quarantineDelaySeconds AS numeric), CAST(:quarantineRandomWindowSeconds AS numeric),
              CAST(:identityMaxBookings AS integer), CAST(:identityPeriodSeconds AS numeric),
              CAST(:holdMaxLivePerClient AS integer), CAST(:rescheduleMax AS integer),
              CAST(:lotteryEntryWindowSeconds AS numeric), CAST(:waitingListOfferExpirySeconds AS numeric),
              CAST(:challengeAlways AS boolean), CAST(:challengeDifficultyBits AS integer),
              CAST(:challengeHoldsPerMinute AS integer),
              :fairAssignment, CAST(:fairAssignmentResources AS text[]), CAST(:fairAssignmentWeightPercent AS integer[]))""")
        .bind("officeId", officeId)
        .bind("serviceId", policy.serviceId())
        .bindByType("releaseOpensAt", policy.releaseOpensAt(), LocalTime.class)
        .bindByType("releaseOpensAtNanos", policy.releaseOpensAtNanos(), Integer.class)
        .bindByType("releaseRandomWindowSeconds", policy.releaseRandomWindowSeconds(), BigDecimal.class)
        .bindByType("releaseDaysBefore", policy.releaseDaysBefore(), Integer[].class)
        .bindByType("releaseSharePercent", policy.releaseSharePercent(), Integer[].class)
        .bindByType("contingentBlockMinutes", policy.contingentBlockMinutes(), Integer.class)
        .bindByType("contingentOnlinePercent", policy.contingentOnlinePercent(), Integer.class)
        .bindByType("contingentPhonePercent", policy.contingentPhonePercent(), Integer.class)
        .bindByType("contingentCounterPercent", policy.contingentCounterPercent(), Integer.class)
        .bindByType("contingentUrgentPercent", policy.contingentUrgentPercent(), Integer.class)
        .bindByType("contingentDedicatedResources", policy.contingentDedicatedResources(), String[].class)
        .bindByType("contingentDedicatedTo", policy.contingentDedicatedTo(), String[].class)
        .bindByType("contingentReleaseToOnlineBeforeSeconds", policy.contingentReleaseToOnlineBeforeSeconds(), BigDecimal.class)
        .bindByType("quarantineDelaySeconds", policy.quarantineDelaySeconds(), BigDecimal.class)
        .bindByType("quarantineRandomWindowSeconds", policy.quarantineRandomWindowSeconds(), BigDecimal.class)
        .bindByType("identityMaxBookings", policy.identityMaxBookings(), Integer.class)
        .bindByType("identityPeriodSeconds", policy.identityPeriodSeconds(), BigDecimal.class)
        .bindByType("holdMaxLivePerClient", policy.holdMaxLivePerClient(), Integer.class)
        .bindByType("rescheduleMax", policy.rescheduleMax(), Integer.class)
        .bindByType("lotteryEntryWindowSeconds", policy.lotteryEntryWindowSeconds(), BigDecimal.class)
        .bindByType("waitingListOfferExpirySeconds", policy.waitingListOfferExpirySeconds(), BigDecimal.class)
        .bindByType("challengeAlways", policy.challengeAlways(), Boolean.class)
        .bindByType("challengeDifficultyBits", policy.challengeDifficultyBits(), Integer.class)
        .bindByType("challengeHoldsPerMinute", policy.challengeHoldsPerMinute(), Integer.class)
        .bind("fairAssignment", policy.fairAssignment())
        .bindByType("fairAssignmentResources", policy.fairAssignmentResources(), String[].class)
        .bindByType("fairAssignmentWeightPercent", policy.fairAssignmentWeightPercent(), Integer[].class)
        .execute();
  }

  static void upsertService(Handle handle, ServiceRow service) {
    handle.createUpdate("""
            INSERT INTO services (service_id, name, duration_minutes, max_persons, channels, sensitive)
            VALUES (:serviceId, :name, :durationMinutes, :maxPersons, :channels, :sensitive)
            ON CONFLICT (service_id) DO UPDATE SET
              name = excluded.name, duration_minutes = excluded.duration_minutes,
              max_persons = excluded.max_persons, channels = excluded.channels, sensitive = excluded.sensitive""")
        .bind("serviceId", service.serviceId())
        .bind("name", service.name())
        .bind("durationMinutes", service.durationMinutes())
        .bind("maxPersons", service.maxPersons())
        .bind("channels", service.channels())
        .bind("sensitive", service.sensitive())
        .execute();
  }

  static void replaceServiceDurations(Handle handle, String serviceId, List<ServiceDurationRow> durations) {
    handle.createUpdate("DELETE FROM service_durations WHERE service_id = :serviceId").bind("serviceId", serviceId).execute();
    for (ServiceDurationRow duration : durations) {
      handle.createUpdate("""
              INSERT INTO service_durations (office_id, service_id, duration_minutes)
              VALUES (:officeId, :serviceId, :durationMinutes)""")
          .bind("officeId", duration.officeId())
          .bind("serviceId", duration.serviceId())
          .bind("durationMinutes", duration.durationMinutes())
          .execute();
    }
  }

  /** Replaces the service's modes and their resources (which the modes' rows cascade to). */
  static void replaceServiceModes(
      Handle handle, String serviceId, List<ServiceModeRow> modes, List<ServiceModeResourceRow> resources) {
    handle.createUpdate("DELETE FROM service_modes WHERE service_id = :serviceId").bind("serviceId", serviceId).execute();
    for (ServiceModeRow mode : modes) {
      handle.createUpdate("""
              INSERT INTO service_modes (service_id, mode, duration_minutes)
              VALUES (:serviceId, :mode, :durationMinutes)""")
          .bind("serviceId", mode.serviceId())
          .bind("mode", mode.mode())
          .bindByType("durationMinutes", mode.durationMinutes(), Integer.class)
          .execute();
    }
    for (ServiceModeResourceRow resource : resources) {
      handle.createUpdate("""
              INSERT INTO service_mode_resources (office_id, service_id, mode, resource_id)
              VALUES (:officeId, :serviceId, :mode, :resourceId)""")
          .bind("officeId", resource.officeId())
          .bind("serviceId", resource.serviceId())
          .bind("mode", resource.mode())
          .bind("resourceId", resource.resourceId())
          .execute();
    }
  }

  static List<ServiceModeRow> serviceModes(Handle handle) {
    return handle.createQuery("SELECT service_id, mode, duration_minutes FROM service_modes")
        .mapTo(ServiceModeRow.class)
        .list();
  }

  static List<ServiceModeRow> serviceModes(Handle handle, String serviceId) {
    return handle.createQuery("SELECT service_id, mode, duration_minutes FROM service_modes WHERE service_id = :serviceId")
        .bind("serviceId", serviceId)
        .mapTo(ServiceModeRow.class)
        .list();
  }

  static List<ServiceModeResourceRow> serviceModeResources(Handle handle) {
    return handle.createQuery("SELECT service_id, mode, office_id, resource_id FROM service_mode_resources")
        .mapTo(ServiceModeResourceRow.class)
        .list();
  }

  static List<ServiceModeResourceRow> serviceModeResources(Handle handle, String serviceId) {
    return handle.createQuery("""
            SELECT service_id, mode, office_id, resource_id FROM service_mode_resources WHERE service_id = :serviceId""")
        .bind("serviceId", serviceId)
        .mapTo(ServiceModeResourceRow.class)
        .list();
  }

  static Optional<ServiceRow> service(Handle handle, String serviceId) {
    return handle.createQuery("SELECT * FROM services WHERE service_id = :serviceId")
        .bind("serviceId", serviceId)
        .mapTo(ServiceRow.class)
        .findOne();
  }

  static List<ServiceRow> services(Handle handle) {
    return handle.createQuery("SELECT * FROM services ORDER BY service_id").mapTo(ServiceRow.class).list();
  }

  static List<ServiceDurationRow> serviceDurations(Handle handle) {
    return handle.createQuery("SELECT service_id, office_id, duration_minutes FROM service_durations")
        .mapTo(ServiceDurationRow.class)
        .list();
  }

  static List<ServiceDurationRow> serviceDurations(Handle handle, String serviceId) {
    return handle.createQuery("SELECT service_id, office_id, duration_minutes FROM service_durations WHERE service_id = :serviceId")
        .bind("serviceId", serviceId)
        .mapTo(ServiceDurationRow.class)
        .list();
  }

  static void upsertResource(Handle handle, String officeId, String resourceId, String name, String kind, String teamId) {
    handle.createUpdate("""
            INSERT INTO resources (office_id, resource_id, name, kind, team_id)
            VALUES (:officeId, :resourceId, :name, :kind, :teamId)
            ON CONFLICT (office_id, resource_id) DO UPDATE SET
              name = excluded.name, kind = excluded.kind, team_id = excluded.team_id""")
        .bind("officeId", officeId)
        .bind("resourceId", resourceId)
        .bind("name", name)
        .bind("kind", kind)
        .bind("teamId", teamId)
        .execute();
  }

  static void replaceSkills(Handle handle, String officeId, String resourceId, String[] serviceIds) {
    handle.createUpdate("DELETE FROM resource_skills WHERE office_id = :officeId AND resource_id = :resourceId")
        .bind("officeId", officeId)
        .bind("resourceId", resourceId)
        .execute();
    handle.createUpdate("""
            INSERT INTO resource_skills (office_id, resource_id, service_id)
            SELECT :officeId, :resourceId, unnest(CAST(:serviceIds AS text[]))""")
        .bind("officeId", officeId)
        .bind("resourceId", resourceId)
        .bind("serviceIds", serviceIds)
        .execute();
  }

  static List<ResourceRow> resources(Handle handle, String officeId) {
    return handle.createQuery("""
            SELECT r.resource_id, r.name, r.kind, r.team_id,
                   coalesce(array_agg(s.service_id ORDER BY s.service_id)
                            FILTER (WHERE s.service_id IS NOT NULL), '{}') AS skills
            FROM resources r
            LEFT JOIN resource_skills s USING (office_id, resource_id)
            WHERE r.office_id = :officeId
            GROUP BY r.office_id, r.resource_id
            ORDER BY r.resource_id""")
        .bind("officeId", officeId)
        .mapTo(ResourceRow.class)
        .list();
  }

  static boolean resourceExists(Handle handle, String officeId, String resourceId) {
    return handle.createQuery("SELECT 1 FROM resources WHERE office_id = :officeId AND resource_id = :resourceId")
        .bind("officeId", officeId)
        .bind("resourceId", resourceId)
        .mapTo(Integer.class)
        .findOne()
        .isPresent();
  }

  /** Deletes the rules, extra times and absences of one resource. */
  static void deleteWorkingTime(Handle handle, String officeId, String resourceId) {
    handle.createUpdate("DELETE FROM weekly_rules WHERE office_id = :officeId AND resource_id = :resourceId")
        .bind("officeId", officeId)
        .bind("resourceId", resourceId)
        .execute();
    handle.createUpdate("DELETE FROM extra_times WHERE office_id = :officeId AND resource_id = :resourceId")
        .bind("officeId", officeId)
        .bind("resourceId", resourceId)
        .execute();
    handle.createUpdate("DELETE FROM absences WHERE office_id = :officeId AND resource_id = :resourceId")
        .bind("officeId", officeId)
        .bind("resourceId", resourceId)
        .execute();
  }

  static void insertRule(Handle handle, String officeId, int position, RuleRow rule) {
    handle.createUpdate("""
            INSERT INTO weekly_rules (office_id, resource_id, kind, position, days, start_time, end_time,
                                      valid_from, valid_until, every_weeks, anchor_week)
            VALUES (:officeId, :resourceId, :kind, :position, :days, :startTime, :endTime,
                    :validFrom, :validUntil, :everyWeeks, :anchorWeek)""")
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
    handle.createUpdate("""
            INSERT INTO extra_times (office_id, resource_id, position, day, start_time, end_time)
            VALUES (:officeId, :resourceId, :position, :day, :startTime, :endTime)""")
        .bind("officeId", officeId)
        .bind("resourceId", extra.resourceId())
        .bind("position", position)
        .bind("day", extra.day())
        .bind("startTime", extra.startTime())
        .bind("endTime", extra.endTime())
        .execute();
  }

  static void insertAbsence(Handle handle, String officeId, int position, AbsenceRow absence) {
    handle.createUpdate("""
            INSERT INTO absences (office_id, resource_id, position, starts_at, ends_at)
            VALUES (:officeId, :resourceId, :position, :startsAt, :endsAt)""")
        .bind("officeId", officeId)
        .bind("resourceId", absence.resourceId())
        .bind("position", position)
        .bind("startsAt", absence.startsAt())
        .bind("endsAt", absence.endsAt())
        .execute();
  }

  static List<RuleRow> rules(Handle handle, String officeId) {
    return handle.createQuery("""
            SELECT resource_id, kind, days, start_time, end_time, valid_from, valid_until, every_weeks, anchor_week
            FROM weekly_rules WHERE office_id = :officeId ORDER BY resource_id, kind, position""")
        .bind("officeId", officeId)
        .mapTo(RuleRow.class)
        .list();
  }

  static List<ExtraTimeRow> extraTimes(Handle handle, String officeId) {
    return handle.createQuery("""
            SELECT resource_id, day, start_time, end_time FROM extra_times
            WHERE office_id = :officeId ORDER BY resource_id, position""")
        .bind("officeId", officeId)
        .mapTo(ExtraTimeRow.class)
        .list();
  }

  static List<AbsenceRow> absences(Handle handle, String officeId) {
    return handle.createQuery("""
            SELECT resource_id, starts_at, ends_at FROM absences
            WHERE office_id = :officeId ORDER BY resource_id, position""")
        .bind("officeId", officeId)
        .mapTo(AbsenceRow.class)
        .list();
  }

  static void upsertClosure(Handle handle, String officeId, ClosureRow closure) {
    handle.createUpdate("""
            INSERT INTO office_closures (office_id, day, reason) VALUES (:officeId, :day, :reason)
            ON CONFLICT (office_id, day) DO UPDATE SET reason = excluded.reason""")
        .bind("officeId", officeId)
        .bind("day", closure.day())
        .bind("reason", closure.reason())
        .execute();
  }

  static List<ClosureRow> closures(Handle handle, String officeId) {
    return handle.createQuery("SELECT day, reason FROM office_closures WHERE office_id = :officeId ORDER BY day")
        .bind("officeId", officeId)
        .mapTo(ClosureRow.class)
        .list();
  }
}
