package org.opentermin.app;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.opentermin.http.HttpSettings;
import org.opentermin.http.proxy.TrustedProxies;
import org.opentermin.jdbc.DatabaseSettings;
import org.opentermin.ports.video.GeneratedVideoRooms;

/**
 * How this instance runs, read from environment variables and, below them, an optional {@code
 * opentermin.properties} with the same names as keys. Immutable; neither the database password nor
 * the admin token is ever shown by {@link #toString()}.
 *
 * @param port {@code OPENTERMIN_PORT}, default 8080; 0 picks a free port
 * @param dataDirectory {@code OPENTERMIN_DATA_DIR}, default {@code ./data}: the embedded PostgreSQL
 *     keeps its data there
 * @param externalDatabase set when {@code OPENTERMIN_DB_URL} (with {@code _USER} and {@code
 *     _PASSWORD}) names a PostgreSQL to use instead of the embedded one
 * @param adminToken {@code OPENTERMIN_ADMIN_TOKEN}: the bootstrap admin token; without it, one is
 *     generated on the first start and printed once
 * @param demo {@code OPENTERMIN_DEMO}, default true: load the demo offices into an empty database
 * @param rateLimitPerMinute {@code OPENTERMIN_RATE_LIMIT_PER_MINUTE}, default {@value
 *     HttpSettings#DEFAULT_RATE_LIMIT_PER_MINUTE}: API requests per minute per client and route
 *     group; 0 turns rate limiting off
 * @param videoBaseUrl {@code OPENTERMIN_VIDEO_BASE_URL}, default {@code https://meet.jit.si}: video
 *     appointments get a room {@code <base URL>/<random name>} there; point it to the video service
 *     the administration runs or has contracted
 * @param trustedProxies {@code OPENTERMIN_TRUSTED_PROXIES}, default none: addresses and CIDR blocks
 *     of the reverse proxies whose {@code Forwarded} / {@code X-Forwarded-For} name the client
 */
public record AppConfig(
    int port,
    Path dataDirectory,
    Optional<DatabaseSettings> externalDatabase,
    Optional<String> adminToken,
    boolean demo,
    int rateLimitPerMinute,
    URI videoBaseUrl,
    TrustedProxies trustedProxies) {

  /** The optional file read from the working directory. */
  public static final String PROPERTIES_FILE = "opentermin.properties";

  private static final String RATE_LIMIT_VARIABLE = "OPENTERMIN_RATE_LIMIT_PER_MINUTE";
  private static final String VIDEO_BASE_URL_VARIABLE = "OPENTERMIN_VIDEO_BASE_URL";
  private static final String TRUSTED_PROXIES_VARIABLE = "OPENTERMIN_TRUSTED_PROXIES";

  public AppConfig {
    checkArgument(
        port >= 0 && port <= 65_535, "OPENTERMIN_PORT must be between 0 and 65535, not %s", port);
    checkNotNull(dataDirectory, "dataDirectory");
    checkNotNull(externalDatabase, "externalDatabase");
    checkNotNull(adminToken, "adminToken");
    checkArgument(
        rateLimitPerMinute >= 0,
        "%s must be 0 (off) or a positive number of requests, not %s",
        RATE_LIMIT_VARIABLE,
        rateLimitPerMinute);
    checkNotNull(videoBaseUrl, "videoBaseUrl");
    try {
      GeneratedVideoRooms.checkBaseUrl(videoBaseUrl);
    } catch (IllegalArgumentException unusable) {
      throw new IllegalArgumentException(
          VIDEO_BASE_URL_VARIABLE + ": " + unusable.getMessage(), unusable);
    }
    checkNotNull(trustedProxies, "trustedProxies");
  }

  /**
   * Whether video rooms are made under the public default service rather than one set for this
   * instance.
   */
  public boolean usesDefaultVideoService() {
    return videoBaseUrl.equals(GeneratedVideoRooms.DEFAULT_BASE_URL);
  }

  /** The environment over the properties file in the working directory, if there is one. */
  public static AppConfig load(Map<String, String> environment, Path workingDirectory) {
    Map<String, String> merged =
        new HashMap<>(properties(workingDirectory.resolve(PROPERTIES_FILE)));
    merged.putAll(environment);
    return fromEnvironment(merged);
  }

  public static AppConfig fromEnvironment(Map<String, String> environment) {
    Path dataDirectory = Path.of(value(environment, "OPENTERMIN_DATA_DIR").orElse("./data"));
    Optional<DatabaseSettings> external =
        value(environment, "OPENTERMIN_DB_URL")
            .map(
                url ->
                    new DatabaseSettings(
                        url,
                        environment.getOrDefault("OPENTERMIN_DB_USER", ""),
                        environment.getOrDefault("OPENTERMIN_DB_PASSWORD", ""),
                        DatabaseSettings.DEFAULT_POOL_SIZE));
    return new AppConfig(
        port(environment),
        dataDirectory,
        external,
        value(environment, "OPENTERMIN_ADMIN_TOKEN"),
        flag(environment, "OPENTERMIN_DEMO", true),
        rateLimitPerMinute(environment),
        videoBaseUrl(environment),
        trustedProxies(environment));
  }

  /** What the HTTP API needs of this configuration. */
  public HttpSettings httpSettings() {
    return new HttpSettings(rateLimitPerMinute, trustedProxies);
  }

  @Override
  public String toString() {
    return "AppConfig[port="
        + port
        + ", dataDirectory="
        + dataDirectory
        + ", externalDatabase="
        + externalDatabase
        + ", adminToken="
        + (adminToken.isPresent() ? "configured" : "not configured")
        + ", demo="
        + demo
        + ", rateLimitPerMinute="
        + rateLimitPerMinute
        + ", videoBaseUrl="
        + videoBaseUrl
        + ", trustedProxies="
        + trustedProxies
        + "]";
  }

  private static Optional<String> value(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name))
        .map(String::strip)
        .filter(value -> !value.isEmpty());
  }

  private static int port(Map<String, String> environment) {
    String value = value(environment, "OPENTERMIN_PORT").orElse("8080");
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException(
          "OPENTERMIN_PORT must be a port number, not " + value, notANumber);
    }
  }

  private static int rateLimitPerMinute(Map<String, String> environment) {
    String value =
        value(environment, RATE_LIMIT_VARIABLE)
            .orElse(Integer.toString(HttpSettings.DEFAULT_RATE_LIMIT_PER_MINUTE));
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException(
          RATE_LIMIT_VARIABLE + " must be 0 (off) or a positive number of requests, not " + value,
          notANumber);
    }
  }

  private static URI videoBaseUrl(Map<String, String> environment) {
    Optional<String> value = value(environment, VIDEO_BASE_URL_VARIABLE);
    if (value.isEmpty()) {
      return GeneratedVideoRooms.DEFAULT_BASE_URL;
    }
    try {
      return new URI(value.get());
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException(
          VIDEO_BASE_URL_VARIABLE
              + " must be an http(s) URL such as https://video.example.org, not "
              + value.get(),
          malformed);
    }
  }

  private static TrustedProxies trustedProxies(Map<String, String> environment) {
    try {
      return TrustedProxies.parse(value(environment, TRUSTED_PROXIES_VARIABLE).orElse(""));
    } catch (IllegalArgumentException unusable) {
      throw new IllegalArgumentException(
          TRUSTED_PROXIES_VARIABLE + ": " + unusable.getMessage(), unusable);
    }
  }

  private static boolean flag(Map<String, String> environment, String name, boolean fallback) {
    Optional<String> value = value(environment, name);
    if (value.isEmpty()) {
      return fallback;
    }
    checkArgument(
        value.get().equalsIgnoreCase("true") || value.get().equalsIgnoreCase("false"),
        "%s must be true or false, not %s",
        name,
        value.get());
    return Boolean.parseBoolean(value.get());
  }

  private static Map<String, String> properties(Path file) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException unreadable) {
      throw new UncheckedIOException("cannot read " + file, unreadable);
    }
    Map<String, String> values = new HashMap<>();
    properties
        .stringPropertyNames()
        .forEach(name -> values.put(name, properties.getProperty(name)));
    return values;
  }
}
