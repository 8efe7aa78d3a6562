package org.opentermin.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * Where the PostgreSQL database is and how large the connection pool may grow. The password is
 * never shown by {@link #toString()}. Immutable.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maximumPoolSize) {

  /** Enough for a small office on two cores; raise it for many app threads. */
  public static final int DEFAULT_POOL_SIZE = 10;

  public DatabaseSettings {
    checkNotNull(jdbcUrl, "jdbcUrl");
    checkArgument(
        jdbcUrl.startsWith("jdbc:postgresql:"),
        "only PostgreSQL is supported, not %s",
        jdbcUrl.replaceAll("\\?.*", ""));
    checkNotNull(user, "user");
    checkNotNull(password, "password");
    checkArgument(maximumPoolSize >= 1 && maximumPoolSize <= 500, "pool size must be 1 to 500");
  }

  public DatabaseSettings withMaximumPoolSize(int size) {
    return new DatabaseSettings(jdbcUrl, user, password, size);
  }

  @Override
  public String toString() {
    return "DatabaseSettings["
        + jdbcUrl.replaceAll("\\?.*", "")
        + ", user "
        + user
        + ", pool "
        + maximumPoolSize
        + "]";
  }
}
