package org.opentermin.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opentermin.ports.contract.ContractFixtures.MONDAY_DATE;
import static org.opentermin.ports.contract.ContractFixtures.NOW;
import static org.opentermin.ports.contract.ContractFixtures.OFFICE;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentermin.core.audit.AuditEntry;
import org.opentermin.core.booking.Actor;
import org.opentermin.ports.contract.AuditLogContract;

/** The contract, and that PostgreSQL itself keeps the log append-only and whole. */
class JdbiAuditLogTest extends AuditLogContract {

  private DatabaseSettings database;
  private JdbcAdapter adapter;

  @Override
  protected Stores newStores() {
    database = TestDatabase.freshDatabase();
    adapter = JdbcAdapter.connect(database);
    return new Stores(adapter.catalog(), adapter.bookings(), adapter.auditLog());
  }

  @AfterEach
  void close() {
    adapter.close();
  }

  private void appendOne() {
    adapter.auditLog().append(AuditEntry.readDay(NOW, Actor.staff("t-4711"), OFFICE, MONDAY_DATE));
  }

  @Test
  void theDatabaseRefusesToChangeAnEntry() {
    appendOne();

    assertThatThrownBy(() -> execute("UPDATE audit_log SET actor_id = 'someone-else'"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only");
    assertThat(count("SELECT count(*) FROM audit_log WHERE actor_id = 't-4711'")).isEqualTo(1);
  }

  @Test
  void theDatabaseRefusesToDeleteAnEntry() {
    appendOne();

    assertThatThrownBy(() -> execute("DELETE FROM audit_log"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only");
    assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(1);
  }

  @Test
  void theDatabaseRefusesToTruncateTheLog() {
    appendOne();

    assertThatThrownBy(() -> execute("TRUNCATE audit_log"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only");
    assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(1);
  }

  @Test
  void theDatabaseRefusesEntriesThatBreakTheLogsRules() {
    assertThatThrownBy(
            () ->
                execute(
                    """
                    INSERT INTO audit_log (office_id, at, actor_kind, actor_id, action, detail)
                    VALUES ('sbh-nord', now(), 'STAFF', 't-1', 'PEEKED', '')\
                    """))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(
            () ->
                execute(
                    """
                    INSERT INTO audit_log (office_id, at, actor_kind, actor_id, action, detail)
                    VALUES ('sbh-nord', now(), 'STAFF', 't-1', 'VIEWED_BOOKING', '')\
                    """))
        .as("a booking read without its booking")
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(
            () ->
                execute(
                    """
                    INSERT INTO audit_log (office_id, at, actor_kind, actor_id, action, detail)
                    VALUES ('sbh-nord', now(), 'STAFF', '', 'VIEWED_DAY', '')\
                    """))
        .as("staff without an id")
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(
            () ->
                execute(
                    """
                    INSERT INTO audit_log (office_id, at, actor_kind, actor_id, action, detail)
                    VALUES ('sbh-nord', now(), 'STAFF', 't-1', 'CONFIGURED', repeat('x', 201))\
                    """))
        .as("a detail too long")
        .isInstanceOf(SQLException.class);
    assertThat(count("SELECT count(*) FROM audit_log")).isZero();
  }

  private long count(String sql) {
    try (Connection connection = connection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException failure) {
      throw new AssertionError(failure);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = connection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private Connection connection() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }
}
