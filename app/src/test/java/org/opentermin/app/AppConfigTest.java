package org.opentermin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentermin.http.HttpSettings;

class AppConfigTest {

  @Test
  void withoutVariablesTheEmbeddedDatabaseInDataAndTheDemoAreUsed() {
    AppConfig config = AppConfig.fromEnvironment(Map.of());

    assertThat(config.dataDirectory()).isEqualTo(Path.of("./data"));
    assertThat(config.externalDatabase()).isEmpty();
    assertThat(config.demo()).isTrue();
  }

  @Test
  void databaseUrlSelectsAnExternalPostgresWhosePasswordIsNeverShown() {
    AppConfig config =
        AppConfig.fromEnvironment(
            Map.of(
                "OPENTERMIN_DB_URL", "jdbc:postgresql://db.example:5432/opentermin",
                "OPENTERMIN_DB_USER", "app",
                "OPENTERMIN_DB_PASSWORD", "s3cret-password",
                "OPENTERMIN_DATA_DIR", "/var/lib/opentermin",
                "OPENTERMIN_DEMO", "false"));

    assertThat(config.externalDatabase())
        .hasValueSatisfying(
            database -> {
              assertThat(database.jdbcUrl())
                  .isEqualTo("jdbc:postgresql://db.example:5432/opentermin");
              assertThat(database.user()).isEqualTo("app");
              assertThat(database.password()).isEqualTo("s3cret-password");
            });
    assertThat(config.toString()).doesNotContain("s3cret-password");
    assertThat(config.dataDirectory()).isEqualTo(Path.of("/var/lib/opentermin"));
    assertThat(config.demo()).isFalse();
  }

  @Test
  void rateLimitIs120PerMinuteUnlessSetAndZeroTurnsItOff() {
    assertThat(AppConfig.fromEnvironment(Map.of()).rateLimitPerMinute()).isEqualTo(120);
    assertThat(
            AppConfig.fromEnvironment(Map.of("OPENTERMIN_RATE_LIMIT_PER_MINUTE", " 600 "))
                .httpSettings())
        .isEqualTo(new HttpSettings(600));
    assertThat(
            AppConfig.fromEnvironment(Map.of("OPENTERMIN_RATE_LIMIT_PER_MINUTE", "0"))
                .httpSettings()
                .rateLimited())
        .isFalse();
  }

  @Test
  void videoRoomsAreOnThePublicJitsiUnlessABaseUrlIsSet() {
    AppConfig byDefault = AppConfig.fromEnvironment(Map.of());
    AppConfig own =
        AppConfig.fromEnvironment(
            Map.of("OPENTERMIN_VIDEO_BASE_URL", " https://video.muenchen.example/raum "));

    assertThat(byDefault.videoBaseUrl()).isEqualTo(URI.create("https://meet.jit.si"));
    assertThat(byDefault.usesDefaultVideoService()).isTrue();
    assertThat(own.videoBaseUrl()).isEqualTo(URI.create("https://video.muenchen.example/raum"));
    assertThat(own.usesDefaultVideoService()).isFalse();
    assertThat(own.toString()).contains("videoBaseUrl=https://video.muenchen.example/raum");
  }

  @Test
  void videoBaseUrlThatCannotCarryRoomsIsRefusedNamingTheVariable() {
    for (String unusable :
        new String[] {
          "meet.jit.si", "ftp://video.example", "https://video.example/?room=", "https://exa mple"
        }) {
      assertThatIllegalArgumentException()
          .as(unusable)
          .isThrownBy(
              () -> AppConfig.fromEnvironment(Map.of("OPENTERMIN_VIDEO_BASE_URL", unusable)))
          .withMessageContaining("OPENTERMIN_VIDEO_BASE_URL");
    }
  }

  @Test
  void rateLimitIsReadFromThePropertiesFileBelowTheEnvironment(@TempDir Path workingDirectory)
      throws IOException {
    Files.writeString(
        workingDirectory.resolve(AppConfig.PROPERTIES_FILE),
        "OPENTERMIN_RATE_LIMIT_PER_MINUTE=30\n");

    assertThat(AppConfig.load(Map.of(), workingDirectory).rateLimitPerMinute()).isEqualTo(30);
    assertThat(
            AppConfig.load(Map.of("OPENTERMIN_RATE_LIMIT_PER_MINUTE", "45"), workingDirectory)
                .rateLimitPerMinute())
        .isEqualTo(45);
  }

  @Test
  void rateLimitThatIsNotANumberOfRequestsIsRejectedWithTheVariableName() {
    for (String invalid : new String[] {"-1", "many", "1.5", "99999999999"}) {
      assertThatIllegalArgumentException()
          .as(invalid)
          .isThrownBy(
              () -> AppConfig.fromEnvironment(Map.of("OPENTERMIN_RATE_LIMIT_PER_MINUTE", invalid)))
          .withMessageContaining("OPENTERMIN_RATE_LIMIT_PER_MINUTE")
          .withMessageContaining(invalid);
    }
  }

  @Test
  void blankDatabaseUrlMeansEmbedded() {
    assertThat(AppConfig.fromEnvironment(Map.of("OPENTERMIN_DB_URL", " ")).externalDatabase())
        .isEmpty();
  }

  @Test
  void malformedValuesAreRejectedWithTheVariableName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AppConfig.fromEnvironment(Map.of("OPENTERMIN_DEMO", "yes")))
        .withMessageContaining("OPENTERMIN_DEMO");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> AppConfig.fromEnvironment(Map.of("OPENTERMIN_DB_URL", "jdbc:mysql://x/y")));
  }

  @Test
  void trustedProxiesAreNoneUnlessSetAndAWrongEntryIsRefusedNamingTheVariable() {
    assertThat(AppConfig.fromEnvironment(Map.of()).trustedProxies().isEmpty()).isTrue();

    AppConfig behindProxies =
        AppConfig.fromEnvironment(Map.of("OPENTERMIN_TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8"));

    assertThat(behindProxies.httpSettings().trustedProxies().trusts("10.20.30.40")).isTrue();
    assertThat(behindProxies.httpSettings().trustedProxies().trusts("fd12::1")).isTrue();
    assertThat(behindProxies.httpSettings().trustedProxies().trusts("192.0.2.1")).isFalse();
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                AppConfig.fromEnvironment(
                    Map.of("OPENTERMIN_TRUSTED_PROXIES", "10.0.0.0/8, proxy.internal")))
        .withMessageContaining("OPENTERMIN_TRUSTED_PROXIES")
        .withMessageContaining("proxy.internal");
  }
}
