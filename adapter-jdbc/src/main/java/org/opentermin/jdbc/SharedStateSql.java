package org.opentermin.jdbc;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The SQL of state shared between instances: secrets and hold rates, one method per statement. */
final class SharedStateSql {

  private SharedStateSql() {}

  /** Stores {@code secret} under {@code name} unless another instance stored one first. */
  static void insertSecretIfAbsent(Handle handle, String name, byte[] secret) {
    handle
        .createUpdate(
            """
            INSERT INTO shared_secrets (name, secret) VALUES (:name, :secret)
            ON CONFLICT (name) DO NOTHING\
            """)
        .bind("name", name)
        .bind("secret", secret)
        .execute();
  }

  static Optional<byte[]> secret(Handle handle, String name) {
    return handle
        .createQuery("SELECT secret FROM shared_secrets WHERE name = :name")
        .bind("name", name)
        .mapTo(byte[].class)
        .findOne();
  }

  /** Adds {@code holds} to this instance's count for the office and second. */
  static void addHolds(Handle handle, String office, long epochSecond, String instance, int holds) {
    handle
        .createUpdate(
            """
            INSERT INTO hold_rates (office_id, epoch_second, instance_id, holds)
            VALUES (:office, :second, CAST(:instance AS uuid), :holds)
            ON CONFLICT (office_id, epoch_second, instance_id) DO UPDATE SET holds = hold_rates.holds + EXCLUDED.holds\
            """)
        .bind("office", office)
        .bind("second", epochSecond)
        .bind("instance", instance)
        .bind("holds", holds)
        .execute();
  }

  /** What the other instances counted for the office in the seconds {@code (from, to]}. */
  static long othersHolds(
      Handle handle, String office, long fromExclusive, long toInclusive, String instance) {
    return handle
        .createQuery(
            """
            SELECT COALESCE(sum(holds), 0) FROM hold_rates
            WHERE office_id = :office AND epoch_second > :from AND epoch_second <= :to
              AND instance_id <> CAST(:instance AS uuid)\
            """)
        .bind("office", office)
        .bind("from", fromExclusive)
        .bind("to", toInclusive)
        .bind("instance", instance)
        .mapTo(Long.class)
        .one();
  }

  /** Deletes counts of seconds before {@code before}, of every instance. */
  static int deleteHoldsBefore(Handle handle, long before) {
    return handle
        .createUpdate("DELETE FROM hold_rates WHERE epoch_second < :before")
        .bind("before", before)
        .execute();
  }
}
