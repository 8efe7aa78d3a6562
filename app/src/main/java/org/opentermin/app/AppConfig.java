package org.opentermin.app;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.opentermin.jdbc.DatabaseSettings;

/**
 * How this instance runs, read from environment variables. Immutable; the database password is
 * never shown by {@link #toString()}.
 *
 * @param dataDirectory {@code OPENTERMIN_DATA_DIR}, default {@code ./data}: the embedded
 *     PostgreSQL keeps its data there
 * @param externalDatabase set when {@code OPENTERMIN_DB_URL} (with {@code _USER} and {@code
 *     _PASSWORD}) names a PostgreSQL to use instead of the embedded one
 * @param demo {@code OPENTERMIN_DEMO}, default true: load the demo offices into an empty database
 */
public record AppConfig(Path dataDirectory, Optional<DatabaseSettings> externalDatabase, boolean demo) {

  public static AppConfig fromEnvironment(Map<String, String> environment) {
    Path dataDirectory = Path.of(environment.getOrDefault("OPENTERMIN_DATA_DIR", "./data"));
    Optional<DatabaseSettings> external =
        Optional.ofNullable(environment.get("OPENTERMIN_DB_URL"))
            .filter(url -> !url.isBlank())
            .map(url -> new DatabaseSettings(
                url,
                environment.getOrDefault("OPENTERMIN_DB_USER", ""),
                environment.getOrDefault("OPENTERMIN_DB_PASSWORD", ""),
                DatabaseSettings.DEFAULT_POOL_SIZE));
    return new AppConfig(dataDirectory, external, flag(environment, "OPENTERMIN_DEMO", true));
  }

  private static boolean flag(Map<String, String> environment, String name, boolean fallback) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    checkArgument(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"), "%s must be true or false, not %s", name, value);
    return Boolean.parseBoolean(value);
  }
}
