package org.opentermin.http.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure of the database (away, stalled, restarting, out of connections) from a bug: the
 * former is answered 503 with {@code Retry-After}, the latter 500. Only JDK types are looked at;
 * SQLSTATE classes 08 (connection), 53 (insufficient resources) and 57 (operator intervention,
 * which includes a statement cancelled by {@code statement_timeout}) name an outage.
 */
final class DatabaseOutage {

  /** What clients are told to wait before they try again, in seconds. */
  static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseOutage() {}

  static boolean isCause(Throwable failure) {
    int depth = 0;
    for (Throwable cause = failure;
        cause != null && depth < 20;
        cause = cause.getCause(), depth++) {
      if (cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException
          || cause instanceof SQLTimeoutException) {
        return true;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57")) {
          return true;
        }
      }
    }
    return false;
  }
}
