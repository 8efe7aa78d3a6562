package org.opentermin.jdbc;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The catalog's SQL for offices, services and resources, each statement next to the method that
 * runs it on a handle. Rows come back as the small records below; the store builds the domain
 * values from them. Working time and closures are {@link WorkingTimeSql}, fair-access policies
 * {@link AccessPolicySql}.
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

  record ServiceRow(
      String serviceId,
      String name,
      int durationMinutes,
      int maxPersons,
      String[] channels,
      boolean sensitive) {}

  record ServiceDurationRow(String serviceId, String officeId, int durationMinutes) {}

  /** A mode a service is served in; durationMinutes null: the service's own duration. */
  record ServiceModeRow(String serviceId, String mode, Integer durationMinutes) {}

  /** One of the only resources that serve a service in a mode at an office. */
  record ServiceModeResourceRow(
      String serviceId, String mode, String officeId, String resourceId) {}

  record ResourceRow(String resourceId, String name, String kind, String teamId, String[] skills) {}

  static void upsertOffice(Handle handle, OfficeRow office) {
    handle
        .createUpdate(
            """
            INSERT INTO offices (office_id, name, time_zone, state, regional_holidays, slot_minutes,
                                 min_notice_seconds, max_days_ahead, hold_seconds, address, schedule_version)
            VALUES (:officeId, :name, :timeZone, :state, :regionalHolidays, :slotMinutes,
                    :minNoticeSeconds, :maxDaysAhead, :holdSeconds, :address, nextval('schedule_versions'))
            ON CONFLICT (office_id) DO UPDATE SET
              name = excluded.name, time_zone = excluded.time_zone, state = excluded.state,
              regional_holidays = excluded.regional_holidays, slot_minutes = excluded.slot_minutes,
              min_notice_seconds = excluded.min_notice_seconds, max_days_ahead = excluded.max_days_ahead,
              hold_seconds = excluded.hold_seconds, address = excluded.address,
              schedule_version = excluded.schedule_version\
            """)
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
    return handle
        .createQuery("SELECT * FROM offices WHERE office_id = :officeId")
        .bind("officeId", officeId)
        .mapTo(OfficeRow.class)
        .findOne();
  }

  static List<OfficeRow> offices(Handle handle) {
    return handle
        .createQuery("SELECT * FROM offices ORDER BY office_id")
        .mapTo(OfficeRow.class)
        .list();
  }

  /** Marks the office's schedule as changed; 0 if there is no such office. */
  static int touchOffice(Handle handle, String officeId) {
    return handle
        .createUpdate(
            "UPDATE offices SET schedule_version = nextval('schedule_versions') WHERE office_id ="
                + " :officeId")
        .bind("officeId", officeId)
        .execute();
  }

  static void touchAllOffices(Handle handle) {
    handle
        .createUpdate("UPDATE offices SET schedule_version = nextval('schedule_versions')")
        .execute();
  }

  static Optional<Long> scheduleVersion(Handle handle, String officeId) {
    return handle
        .createQuery("SELECT schedule_version FROM offices WHERE office_id = :officeId")
        .bind("officeId", officeId)
        .mapTo(Long.class)
        .findOne();
  }

  static Optional<UUID> fairnessSecret(Handle handle, String officeId) {
    return handle
        .createQuery("SELECT fairness_secret FROM offices WHERE office_id = :officeId")
        .bind("officeId", officeId)
        .mapTo(UUID.class)
        .findOne();
  }

  static boolean serviceExists(Handle handle, String serviceId) {
    return handle
        .createQuery("SELECT 1 FROM services WHERE service_id = :serviceId")
        .bind("serviceId", serviceId)
        .mapTo(Integer.class)
        .findOne()
        .isPresent();
  }

  static void upsertService(Handle handle, ServiceRow service) {
    handle
        .createUpdate(
            """
            INSERT INTO services (service_id, name, duration_minutes, max_persons, channels, sensitive)
            VALUES (:serviceId, :name, :durationMinutes, :maxPersons, :channels, :sensitive)
            ON CONFLICT (service_id) DO UPDATE SET
              name = excluded.name, duration_minutes = excluded.duration_minutes,
              max_persons = excluded.max_persons, channels = excluded.channels, sensitive = excluded.sensitive\
            """)
        .bind("serviceId", service.serviceId())
        .bind("name", service.name())
        .bind("durationMinutes", service.durationMinutes())
        .bind("maxPersons", service.maxPersons())
        .bind("channels", service.channels())
        .bind("sensitive", service.sensitive())
        .execute();
  }

  static void replaceServiceDurations(
      Handle handle, String serviceId, List<ServiceDurationRow> durations) {
    handle
        .createUpdate("DELETE FROM service_durations WHERE service_id = :serviceId")
        .bind("serviceId", serviceId)
        .execute();
    for (ServiceDurationRow duration : durations) {
      handle
          .createUpdate(
              """
              INSERT INTO service_durations (office_id, service_id, duration_minutes)
              VALUES (:officeId, :serviceId, :durationMinutes)\
              """)
          .bind("officeId", duration.officeId())
          .bind("serviceId", duration.serviceId())
          .bind("durationMinutes", duration.durationMinutes())
          .execute();
    }
  }

  /** Replaces the service's modes and their resources (which the modes' rows cascade to). */
  static void replaceServiceModes(
      Handle handle,
      String serviceId,
      List<ServiceModeRow> modes,
      List<ServiceModeResourceRow> resources) {
    handle
        .createUpdate("DELETE FROM service_modes WHERE service_id = :serviceId")
        .bind("serviceId", serviceId)
        .execute();
    for (ServiceModeRow mode : modes) {
      handle
          .createUpdate(
              """
              INSERT INTO service_modes (service_id, mode, duration_minutes)
              VALUES (:serviceId, :mode, :durationMinutes)\
              """)
          .bind("serviceId", mode.serviceId())
          .bind("mode", mode.mode())
          .bindByType("durationMinutes", mode.durationMinutes(), Integer.class)
          .execute();
    }
    for (ServiceModeResourceRow resource : resources) {
      handle
          .createUpdate(
              """
              INSERT INTO service_mode_resources (office_id, service_id, mode, resource_id)
              VALUES (:officeId, :serviceId, :mode, :resourceId)\
              """)
          .bind("officeId", resource.officeId())
          .bind("serviceId", resource.serviceId())
          .bind("mode", resource.mode())
          .bind("resourceId", resource.resourceId())
          .execute();
    }
  }

  static List<ServiceModeRow> serviceModes(Handle handle) {
    return handle
        .createQuery("SELECT service_id, mode, duration_minutes FROM service_modes")
        .mapTo(ServiceModeRow.class)
        .list();
  }

  static List<ServiceModeRow> serviceModes(Handle handle, String serviceId) {
    return handle
        .createQuery(
            "SELECT service_id, mode, duration_minutes FROM service_modes WHERE service_id ="
                + " :serviceId")
        .bind("serviceId", serviceId)
        .mapTo(ServiceModeRow.class)
        .list();
  }

  static List<ServiceModeResourceRow> serviceModeResources(Handle handle) {
    return handle
        .createQuery("SELECT service_id, mode, office_id, resource_id FROM service_mode_resources")
        .mapTo(ServiceModeResourceRow.class)
        .list();
  }

  static List<ServiceModeResourceRow> serviceModeResources(Handle handle, String serviceId) {
    return handle
        .createQuery(
            """
            SELECT service_id, mode, office_id, resource_id FROM service_mode_resources WHERE service_id = :serviceId\
            """)
        .bind("serviceId", serviceId)
        .mapTo(ServiceModeResourceRow.class)
        .list();
  }

  static Optional<ServiceRow> service(Handle handle, String serviceId) {
    return handle
        .createQuery("SELECT * FROM services WHERE service_id = :serviceId")
        .bind("serviceId", serviceId)
        .mapTo(ServiceRow.class)
        .findOne();
  }

  static List<ServiceRow> services(Handle handle) {
    return handle
        .createQuery("SELECT * FROM services ORDER BY service_id")
        .mapTo(ServiceRow.class)
        .list();
  }

  static List<ServiceDurationRow> serviceDurations(Handle handle) {
    return handle
        .createQuery("SELECT service_id, office_id, duration_minutes FROM service_durations")
        .mapTo(ServiceDurationRow.class)
        .list();
  }

  static List<ServiceDurationRow> serviceDurations(Handle handle, String serviceId) {
    return handle
        .createQuery(
            "SELECT service_id, office_id, duration_minutes FROM service_durations WHERE service_id"
                + " = :serviceId")
        .bind("serviceId", serviceId)
        .mapTo(ServiceDurationRow.class)
        .list();
  }

  static void upsertResource(
      Handle handle, String officeId, String resourceId, String name, String kind, String teamId) {
    handle
        .createUpdate(
            """
            INSERT INTO resources (office_id, resource_id, name, kind, team_id)
            VALUES (:officeId, :resourceId, :name, :kind, :teamId)
            ON CONFLICT (office_id, resource_id) DO UPDATE SET
              name = excluded.name, kind = excluded.kind, team_id = excluded.team_id\
            """)
        .bind("officeId", officeId)
        .bind("resourceId", resourceId)
        .bind("name", name)
        .bind("kind", kind)
        .bind("teamId", teamId)
        .execute();
  }

  static void replaceSkills(
      Handle handle, String officeId, String resourceId, String[] serviceIds) {
    handle
        .createUpdate(
            "DELETE FROM resource_skills WHERE office_id = :officeId AND resource_id = :resourceId")
        .bind("officeId", officeId)
        .bind("resourceId", resourceId)
        .execute();
    handle
        .createUpdate(
            """
            INSERT INTO resource_skills (office_id, resource_id, service_id)
            SELECT :officeId, :resourceId, unnest(CAST(:serviceIds AS text[]))\
            """)
        .bind("officeId", officeId)
        .bind("resourceId", resourceId)
        .bind("serviceIds", serviceIds)
        .execute();
  }

  static List<ResourceRow> resources(Handle handle, String officeId) {
    return handle
        .createQuery(
            """
            SELECT r.resource_id, r.name, r.kind, r.team_id,
                   coalesce(array_agg(s.service_id ORDER BY s.service_id)
                            FILTER (WHERE s.service_id IS NOT NULL), '{}') AS skills
            FROM resources r
            LEFT JOIN resource_skills s USING (office_id, resource_id)
            WHERE r.office_id = :officeId
            GROUP BY r.office_id, r.resource_id
            ORDER BY r.resource_id\
            """)
        .bind("officeId", officeId)
        .mapTo(ResourceRow.class)
        .list();
  }

  static boolean resourceExists(Handle handle, String officeId, String resourceId) {
    return handle
        .createQuery(
            "SELECT 1 FROM resources WHERE office_id = :officeId AND resource_id = :resourceId")
        .bind("officeId", officeId)
        .bind("resourceId", resourceId)
        .mapTo(Integer.class)
        .findOne()
        .isPresent();
  }
}
