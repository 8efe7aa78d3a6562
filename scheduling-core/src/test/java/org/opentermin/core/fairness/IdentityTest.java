package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.core.fairness.FairnessFixtures.OTHER_SECRET;
import static org.opentermin.core.fairness.FairnessFixtures.SECRET;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentermin.core.booking.Citizen;

class IdentityTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Max.Mustermann+bots@GoogleMail.com, maxmustermann@gmail.com",
    "maxmustermann@gmail.com, maxmustermann@gmail.com",
    "m.a.x.mustermann@gmail.com, maxmustermann@gmail.com",
    "a.b+x@web.de, a.b@web.de",
    "A.B@Web.DE, a.b@web.de",
    "'  erika@example.org ', erika@example.org",
    "erika+a+b@example.org, erika@example.org",
  })
  void emailAddressesAreNormalised(String address, String normalised) {
    assertThat(Identity.email(address)).contains(new Identity(Identity.Kind.EMAIL, normalised));
  }

  @ParameterizedTest(name = "''{0}'' is not an address")
  @ValueSource(
      strings = {
        "",
        "erika",
        "@example.org",
        "erika@",
        "a@b@c.de",
        "erika mustermann@example.org",
        "+tag@web.de",
        "...@gmail.com"
      })
  void nonAddressesHaveNoIdentity(String address) {
    assertThat(Identity.email(address)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "0151 234 567 89",
        "+49 151 23456789",
        "0049-151-23456789",
        "(0151) 234/567.89",
        "+49 (0)151 23456789"
      })
  void germanMobileNumberHasOneIdentityHoweverWritten(String number) {
    assertThat(Identity.phone(number))
        .contains(new Identity(Identity.Kind.PHONE, "+4915123456789"));
  }

  @Test
  void foreignNumbersKeepTheirCountryCode() {
    assertThat(Identity.phone("0043 1 234567"))
        .contains(new Identity(Identity.Kind.PHONE, "+431234567"));
  }

  @ParameterizedTest(name = "''{0}'' is not a number")
  @ValueSource(
      strings = {
        "",
        "12345",
        "0151 abc",
        "+49 151 2345 6789 0123 45",
        "++4915123456789",
        "+0151234567",
        "0"
      })
  void nonNumbersHaveNoIdentity(String number) {
    assertThat(Identity.phone(number)).isEmpty();
  }

  @Test
  void missingValuesHaveNoIdentity() {
    assertThat(Identity.email(null)).isEmpty();
    assertThat(Identity.phone(null)).isEmpty();
  }

  @Test
  void citizenHasAnIdentityForEachValidContact() {
    Citizen both =
        new Citizen("Erika", Optional.of("Erika@Example.org"), Optional.of("030 1234567"));
    Citizen invalidPhone =
        new Citizen("Erika", Optional.of("erika@example.org"), Optional.of("call me"));

    assertThat(Identity.of(both))
        .containsExactly(
            new Identity(Identity.Kind.EMAIL, "erika@example.org"),
            new Identity(Identity.Kind.PHONE, "+49301234567"));
    assertThat(Identity.of(invalidPhone))
        .containsExactly(new Identity(Identity.Kind.EMAIL, "erika@example.org"));
    assertThat(Identity.of(Citizen.named("Erika"))).isEmpty();
  }

  @Test
  void keyIsAKeyedDigestThatHidesTheValue() {
    Identity identity = Identity.email("erika@example.org").orElseThrow();

    assertThat(identity.key(SECRET))
        .isEqualTo(SECRET.keyedDigest("identity", "EMAIL:erika@example.org"))
        .isEqualTo(Identity.email("Erika+x@Example.org").orElseThrow().key(SECRET))
        .isNotEqualTo(identity.key(OTHER_SECRET))
        .doesNotContain("erika");
  }

  @Test
  void textDoesNotShowTheValue() {
    assertThat(Identity.email("erika@example.org").orElseThrow().toString())
        .doesNotContain("erika", "example");
    assertThat(Identity.phone("0301234567").orElseThrow().toString()).doesNotContain("1234567");
  }

  @Test
  void limitCountsBookingsWithinItsPeriodEitherSide() {
    IdentityLimit limit = AccessPolicy.RECOMMENDED_IDENTITY_LIMIT;
    Instant start = Instant.parse("2027-06-14T08:00:00Z");

    assertThat(limit.countedAround(start))
        .isEqualTo(
            new TimeWindow(start.minus(Duration.ofDays(30)), start.plus(Duration.ofDays(30))));
    assertThat(limit.admits(0)).isTrue();
    assertThat(limit.admits(1)).isFalse();
  }

  @Test
  void limitsOutOfBoundsAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new IdentityLimit(0, Duration.ofDays(30)))
        .withMessageContaining("1 to 100");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new IdentityLimit(1, Duration.ofHours(23)))
        .withMessageContaining("1 to 366 days");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new HoldLimit(0))
        .withMessageContaining("1 to 100");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RescheduleLimit(101))
        .withMessageContaining("0 to 100");
    assertThat(new RescheduleLimit(0).allowsAnotherAfter(0)).isFalse();
  }
}
