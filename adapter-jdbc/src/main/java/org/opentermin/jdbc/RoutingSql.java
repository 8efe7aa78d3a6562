package org.opentermin.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The SQL of responsibility rules and case assignments, each statement beside the method that runs
 * it.
 */
final class RoutingSql {

  private RoutingSql() {}

  record AddressRuleRow(
      int position,
      String label,
      String postalCode,
      String streetKey,
      Integer houseFrom,
      Integer houseTo,
      String parity,
      String officeId) {}

  record TeamRuleRow(
      String officeId,
      int position,
      String label,
      String initialsFrom,
      String initialsTo,
      String serviceId,
      String teamId,
      String resourceId) {}

  record OfficeRow(String officeId, String[] ignoredPrefixes, boolean exclusive) {}

  record DeputyRow(String officeId, String teamId, String resourceId) {}

  record CaseRow(String officeId, String caseNumber, String resourceId, String teamId) {}

  static long version(Handle handle) {
    return handle.createQuery("SELECT version FROM routing_version").mapTo(Long.class).one();
  }

  /**
   * Takes the version row's lock until the transaction ends, so that changes to the rules queue.
   */
  static void bumpVersion(Handle handle) {
    handle.createUpdate("UPDATE routing_version SET version = version + 1").execute();
  }

  static List<AddressRuleRow> addressRules(Handle handle) {
    return handle
        .createQuery(
            """
            SELECT position, label, postal_code, street_key, house_from, house_to, parity, office_id
            FROM routing_address_rules ORDER BY position\
            """)
        .map(
            (rs, ctx) ->
                new AddressRuleRow(
                    rs.getInt("position"),
                    rs.getString("label"),
                    rs.getString("postal_code"),
                    rs.getString("street_key"),
                    (Integer) rs.getObject("house_from"),
                    (Integer) rs.getObject("house_to"),
                    rs.getString("parity"),
                    rs.getString("office_id")))
        .list();
  }

  static void deleteAddressRules(Handle handle) {
    handle.createUpdate("DELETE FROM routing_address_rules").execute();
  }

  static void insertAddressRules(Handle handle, List<AddressRuleRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            """
            INSERT INTO routing_address_rules (position, label, postal_code, street_key, house_from, house_to, parity, office_id)
            VALUES (:position, :label, :postalCode, :streetKey, :houseFrom, :houseTo, :parity, :officeId)\
            """);
    for (AddressRuleRow row : rows) {
      batch
          .bind("position", row.position())
          .bind("label", row.label())
          .bind("postalCode", row.postalCode())
          .bind("streetKey", row.streetKey())
          .bind("houseFrom", row.houseFrom())
          .bind("houseTo", row.houseTo())
          .bind("parity", row.parity())
          .bind("officeId", row.officeId())
          .add();
    }
    batch.execute();
  }

  static List<TeamRuleRow> teamRules(Handle handle) {
    return handle
        .createQuery(
            """
            SELECT office_id, position, label, initials_from, initials_to, service_id, team_id, resource_id
            FROM routing_team_rules ORDER BY office_id, position\
            """)
        .map(
            (rs, ctx) ->
                new TeamRuleRow(
                    rs.getString("office_id"),
                    rs.getInt("position"),
                    rs.getString("label"),
                    rs.getString("initials_from"),
                    rs.getString("initials_to"),
                    rs.getString("service_id"),
                    rs.getString("team_id"),
                    rs.getString("resource_id")))
        .list();
  }

  static void deleteTeamRules(Handle handle, String officeId) {
    handle
        .createUpdate("DELETE FROM routing_team_rules WHERE office_id = :officeId")
        .bind("officeId", officeId)
        .execute();
  }

  static void insertTeamRules(Handle handle, List<TeamRuleRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            """
            INSERT INTO routing_team_rules (office_id, position, label, initials_from, initials_to, service_id, team_id, resource_id)
            VALUES (:officeId, :position, :label, :initialsFrom, :initialsTo, :serviceId, :teamId, :resourceId)\
            """);
    for (TeamRuleRow row : rows) {
      batch
          .bind("officeId", row.officeId())
          .bind("position", row.position())
          .bind("label", row.label())
          .bind("initialsFrom", row.initialsFrom())
          .bind("initialsTo", row.initialsTo())
          .bind("serviceId", row.serviceId())
          .bind("teamId", row.teamId())
          .bind("resourceId", row.resourceId())
          .add();
    }
    batch.execute();
  }

  static List<OfficeRow> offices(Handle handle) {
    return handle
        .createQuery("SELECT office_id, ignored_prefixes, exclusive FROM routing_offices")
        .map(
            (rs, ctx) ->
                new OfficeRow(
                    rs.getString("office_id"),
                    (String[]) rs.getArray("ignored_prefixes").getArray(),
                    rs.getBoolean("exclusive")))
        .list();
  }

  static void saveOffice(Handle handle, OfficeRow row) {
    handle
        .createUpdate(
            """
            INSERT INTO routing_offices (office_id, ignored_prefixes, exclusive) VALUES (:officeId, :ignoredPrefixes, :exclusive)
            ON CONFLICT (office_id) DO UPDATE SET ignored_prefixes = excluded.ignored_prefixes, exclusive = excluded.exclusive\
            """)
        .bind("officeId", row.officeId())
        .bind("ignoredPrefixes", row.ignoredPrefixes())
        .bind("exclusive", row.exclusive())
        .execute();
  }

  static List<DeputyRow> deputies(Handle handle) {
    return handle
        .createQuery(
            "SELECT office_id, team_id, resource_id FROM team_deputies ORDER BY office_id, team_id")
        .map(
            (rs, ctx) ->
                new DeputyRow(
                    rs.getString("office_id"),
                    rs.getString("team_id"),
                    rs.getString("resource_id")))
        .list();
  }

  static void saveDeputy(Handle handle, DeputyRow row) {
    handle
        .createUpdate(
            """
            INSERT INTO team_deputies (office_id, team_id, resource_id) VALUES (:officeId, :teamId, :resourceId)
            ON CONFLICT (office_id, team_id) DO UPDATE SET resource_id = excluded.resource_id\
            """)
        .bind("officeId", row.officeId())
        .bind("teamId", row.teamId())
        .bind("resourceId", row.resourceId())
        .execute();
  }

  static void deleteDeputy(Handle handle, String officeId, String teamId) {
    handle
        .createUpdate("DELETE FROM team_deputies WHERE office_id = :officeId AND team_id = :teamId")
        .bind("officeId", officeId)
        .bind("teamId", teamId)
        .execute();
  }

  static Optional<CaseRow> caseAssignment(Handle handle, String officeId, String caseNumber) {
    return handle
        .createQuery(
            """
            SELECT office_id, case_number, resource_id, team_id FROM case_assignments
            WHERE office_id = :officeId AND case_number = :caseNumber\
            """)
        .bind("officeId", officeId)
        .bind("caseNumber", caseNumber)
        .map((rs, ctx) -> caseRow(rs))
        .findOne();
  }

  static List<CaseRow> caseAssignments(Handle handle, String officeId) {
    return handle
        .createQuery(
            """
            SELECT office_id, case_number, resource_id, team_id FROM case_assignments
            WHERE office_id = :officeId ORDER BY case_number COLLATE "C"
            """)
        .bind("officeId", officeId)
        .map((rs, ctx) -> caseRow(rs))
        .list();
  }

  private static CaseRow caseRow(ResultSet rs) throws SQLException {
    return new CaseRow(
        rs.getString("office_id"),
        rs.getString("case_number"),
        rs.getString("resource_id"),
        rs.getString("team_id"));
  }

  static void deleteCaseAssignments(Handle handle, String officeId) {
    handle
        .createUpdate("DELETE FROM case_assignments WHERE office_id = :officeId")
        .bind("officeId", officeId)
        .execute();
  }

  static void insertCaseAssignments(Handle handle, List<CaseRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            """
            INSERT INTO case_assignments (office_id, case_number, resource_id, team_id)
            VALUES (:officeId, :caseNumber, :resourceId, :teamId)\
            """);
    rows.forEach(row -> bindCase(batch, row).add());
    batch.execute();
  }

  private static <T extends SqlStatement<T>> T bindCase(T statement, CaseRow row) {
    return statement
        .bind("officeId", row.officeId())
        .bind("caseNumber", row.caseNumber())
        .bind("resourceId", row.resourceId())
        .bind("teamId", row.teamId());
  }

  static void saveCaseAssignment(Handle handle, CaseRow row) {
    bindCase(
            handle.createUpdate(
                """
                INSERT INTO case_assignments (office_id, case_number, resource_id, team_id)
                VALUES (:officeId, :caseNumber, :resourceId, :teamId)
                ON CONFLICT (office_id, case_number) DO UPDATE SET resource_id = excluded.resource_id, team_id = excluded.team_id\
                """),
            row)
        .execute();
  }

  static boolean deleteCaseAssignment(Handle handle, String officeId, String caseNumber) {
    return handle
            .createUpdate(
                "DELETE FROM case_assignments WHERE office_id = :officeId AND case_number ="
                    + " :caseNumber")
            .bind("officeId", officeId)
            .bind("caseNumber", caseNumber)
            .execute()
        > 0;
  }
}
