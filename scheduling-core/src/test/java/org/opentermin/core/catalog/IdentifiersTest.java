package org.opentermin.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The id rule is shared by offices, services, resources and teams; each is checked here. */
class IdentifiersTest {

  private static final String LONGEST = "a".repeat(64);
  private static final String TOO_LONG = "a".repeat(65);

  @ParameterizedTest(name = "\"{0}\" is a valid id")
  @ValueSource(
      strings = {
        "a",
        "7",
        "buergeramt-mitte",
        "KFZ_Zulassung-2",
        "a-",
        "0_",
        "Z9",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void validIdsAreAcceptedByEveryKindOfId(String value) {
    assertThat(OfficeId.of(value).value()).isEqualTo(value);
    assertThat(ServiceId.of(value).value()).isEqualTo(value);
    assertThat(ResourceId.of(value).value()).isEqualTo(value);
    assertThat(TeamId.of(value).value()).isEqualTo(value);
    assertThat(OfficeId.isValid(value)).isTrue();
    assertThat(ServiceId.isValid(value)).isTrue();
    assertThat(ResourceId.isValid(value)).isTrue();
    assertThat(TeamId.isValid(value)).isTrue();
  }

  @ParameterizedTest(name = "\"{0}\" is no valid id")
  @ValueSource(
      strings = {
        "",
        " ",
        "   ",
        "a b",
        " a",
        "a ",
        "a/b",
        "../a",
        "-abc",
        "_abc",
        "a.b",
        "bürgeramt",
        "a\n",
        "a%20b",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void invalidIdsAreRejectedByEveryKindOfId(String value) {
    assertThatIllegalArgumentException().isThrownBy(() -> OfficeId.of(value));
    assertThatIllegalArgumentException().isThrownBy(() -> ServiceId.of(value));
    assertThatIllegalArgumentException().isThrownBy(() -> ResourceId.of(value));
    assertThatIllegalArgumentException().isThrownBy(() -> TeamId.of(value));
    assertThat(OfficeId.isValid(value)).isFalse();
    assertThat(ServiceId.isValid(value)).isFalse();
    assertThat(ResourceId.isValid(value)).isFalse();
    assertThat(TeamId.isValid(value)).isFalse();
  }

  @Test
  void sixtyFourCharactersAreTheLimit() {
    assertThat(OfficeId.isValid(LONGEST)).isTrue();
    assertThat(OfficeId.isValid(TOO_LONG)).isFalse();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceId.of(TOO_LONG))
        .withMessageContaining(TOO_LONG);
  }

  @Test
  void rejectionNamesTheKindOfIdAndTheValue() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> OfficeId.of("a/b"))
        .withMessageContaining("office id")
        .withMessageContaining("'a/b'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TeamId.of("-team"))
        .withMessageContaining("team id")
        .withMessageContaining("-team");
  }

  @Test
  void missingIdIsAProgrammingError() {
    assertThatNullPointerException().isThrownBy(() -> OfficeId.of(null));
    assertThatNullPointerException().isThrownBy(() -> ServiceId.of(null));
    assertThatNullPointerException().isThrownBy(() -> ResourceId.of(null));
    assertThatNullPointerException().isThrownBy(() -> TeamId.of(null));
  }

  @Test
  void missingIdIsNotValid() {
    assertThat(OfficeId.isValid(null)).isFalse();
    assertThat(ServiceId.isValid(null)).isFalse();
    assertThat(ResourceId.isValid(null)).isFalse();
    assertThat(TeamId.isValid(null)).isFalse();
  }

  @Test
  void idsPrintAsTheirValue() {
    assertThat(OfficeId.of("buergeramt-mitte")).hasToString("buergeramt-mitte");
    assertThat(ServiceId.of("passport")).hasToString("passport");
  }

  @Test
  void idsAreOrderedByTheirValue() {
    assertThat(OfficeId.of("a")).isLessThan(OfficeId.of("b"));
    assertThat(ServiceId.of("passport")).isGreaterThan(ServiceId.of("id-card"));
    assertThat(ResourceId.of("desk-1")).isEqualByComparingTo(ResourceId.of("desk-1"));
    assertThat(TeamId.of("team-a")).isLessThan(TeamId.of("team-b"));
  }
}
