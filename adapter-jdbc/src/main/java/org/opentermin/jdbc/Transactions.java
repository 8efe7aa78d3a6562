package org.opentermin.jdbc;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Runs one store operation as one transaction and repeats it when PostgreSQL reports a transient
 * conflict (a serialization failure or a deadlock), so that callers never see one. The callback
 * must touch nothing but the database.
 */
final class Transactions {

  /** SQLSTATEs that mean "try again": serialization_failure, deadlock_detected. */
  private static final Set<String> TRANSIENT = Set.of("40001", "40P01");

  private static final int ATTEMPTS = 20;

  /** SQLSTATE foreign_key_violation: something referred to does not exist. */
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  /** SQLSTATE unique_violation. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final Jdbi jdbi;

  Transactions(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
    return retrying(() -> jdbi.inTransaction(work));
  }

  /**
   * Reads with several statements that see one snapshot (REPEATABLE READ), so that parts read one
   * after another belong together even while a writer commits in between.
   */
  <T> T readConsistent(HandleCallback<T, RuntimeException> work) {
    return retrying(() -> jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, work));
  }

  /**
   * Runs work that issues exactly one statement, which PostgreSQL runs as its own transaction (no
   * BEGIN and COMMIT round trips), retrying it like {@link #inTransaction}.
   */
  <T> T singleStatement(HandleCallback<T, RuntimeException> work) {
    return retrying(() -> jdbi.withHandle(work));
  }

  private static <T> T retrying(java.util.function.Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (JdbiException failure) {
        if (attempt >= ATTEMPTS || !isTransient(failure)) {
          throw failure;
        }
        backOff(attempt);
      }
    }
  }

  /**
   * Runs {@code work} in a transaction like {@link #inTransaction}; a reference to something that
   * does not exist (a foreign key) or a second entry with the same key becomes an {@link
   * IllegalArgumentException} naming {@code whatMustExist} and the constraint, and nothing is
   * written.
   */
  void write(Consumer<Handle> work, String whatMustExist) {
    try {
      inTransaction(
          handle -> {
            work.accept(handle);
            return null;
          });
    } catch (JdbiException failure) {
      String state = sqlState(failure);
      if (FOREIGN_KEY_VIOLATION.equals(state)) {
        throw new IllegalArgumentException(
            "unknown " + whatMustExist + " (" + violatedConstraint(failure) + ")", failure);
      }
      if (UNIQUE_VIOLATION.equals(state)) {
        throw new IllegalArgumentException(
            "two entries share a key (" + violatedConstraint(failure) + ")", failure);
      }
      throw failure;
    }
  }

  /** Reads without an explicit transaction (each statement sees committed data). */
  <T> T read(HandleCallback<T, RuntimeException> work) {
    return jdbi.withHandle(work);
  }

  static boolean isTransient(Throwable failure) {
    return TRANSIENT.contains(sqlState(failure));
  }

  /** The SQLSTATE of the first SQL exception among the causes, or empty. */
  static String sqlState(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return "";
  }

  /** The constraint a unique or exclusion violation names, or empty. */
  static String violatedConstraint(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.postgresql.util.PSQLException psql
          && psql.getServerErrorMessage() != null
          && psql.getServerErrorMessage().getConstraint() != null) {
        return psql.getServerErrorMessage().getConstraint();
      }
    }
    return "";
  }

  /**
   * Waits a little before the next attempt; randomized so that colliding transactions do not
   * collide again. Timing jitter only: nothing depends on these numbers.
   */
  private static void backOff(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2L + Math.min(attempt, 10) * 3L));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a transaction", interrupted);
    }
  }
}
