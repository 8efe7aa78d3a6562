package org.opentermin.http.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemTitlesTest {

  @Test
  void germanIsChosenWhenTheClientPrefersIt() {
    assertThat(ProblemTitles.title("hold-expired", "de-AT, en;q=0.5"))
        .isEqualTo("Die Reservierung ist abgelaufen");
    assertThat(ProblemTitles.title("hold-expired", "en-GB, de;q=0.5"))
        .isEqualTo("The hold has expired");
  }

  @Test
  void unknownOrMalformedLanguagesFallBackToEnglish() {
    assertThat(ProblemTitles.locale("fr")).isEqualTo(Locale.ENGLISH);
    assertThat(ProblemTitles.locale(";;;q=x")).isEqualTo(Locale.ENGLISH);
    assertThat(ProblemTitles.locale(null)).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void everyProblemTypeHasATitleInBothLanguages() {
    for (String type :
        new String[] {
          "invalid-request",
          "validation-failed",
          "unauthorized",
          "forbidden",
          "not-found",
          "method-not-allowed",
          "unsupported-media-type",
          "payload-too-large",
          "unavailable",
          "hold-expired",
          "hold-already-used",
          "illegal-transition",
          "too-late",
          "too-early",
          "idempotency-key-reused",
          "already-exists",
          "outside-horizon",
          "no-free-slot",
          "not-ready",
          "service-unavailable",
          "rate-limited",
          "not-yet-released",
          "contingent-exhausted",
          "identity-limit",
          "hold-limit",
          "reschedule-limit",
          "challenge-required"
        }) {
      assertThat(ProblemTitles.title(type, "en"))
          .as(type)
          .isNotEqualTo(ProblemTitles.title("internal-error", "en"))
          .isNotEqualTo(ProblemTitles.title(type, "de"));
    }
    assertThat(ProblemTitles.title("internal-error", "de")).isEqualTo("Interner Fehler");
    assertThat(ProblemTitles.title("no-such-type", "en")).isEqualTo("Internal error");
  }
}
