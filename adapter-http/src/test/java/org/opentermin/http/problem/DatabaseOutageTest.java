package org.opentermin.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

  @Test
  void anExhaustedPoolADeadConnectionAndACancelledStatementAreOutages() {
    assertThat(
            DatabaseOutage.isCause(
                new IllegalStateException(
                    new SQLTransientConnectionException(
                        "opentermin - Connection is not available, request timed out after"
                            + " 3000ms"))))
        .isTrue();
    assertThat(DatabaseOutage.isCause(new RuntimeException(new SQLException("I/O error", "08006"))))
        .isTrue();
    assertThat(
            DatabaseOutage.isCause(
                new RuntimeException(
                    new SQLException("canceling statement due to statement timeout", "57014"))))
        .isTrue();
    assertThat(
            DatabaseOutage.isCause(new SQLException("the database system is starting up", "57P03")))
        .isTrue();
  }

  @Test
  void constraintViolationsAndBugsAreNoOutages() {
    assertThat(
            DatabaseOutage.isCause(
                new RuntimeException(new SQLException("duplicate key", "23505"))))
        .isFalse();
    assertThat(DatabaseOutage.isCause(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseOutage.isCause(new NullPointerException())).isFalse();
  }
}
