package org.opentermin.core.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CitizenTest {

  private static final Citizen ERIKA =
      new Citizen(
          "Erika Mustermann", Optional.of("erika@example.org"), Optional.of("+49 30 1234567"));

  @Test
  void textDoesNotShowNameEmailOrPhone() {
    assertThat(ERIKA.toString())
        .doesNotContain("Erika")
        .doesNotContain("Mustermann")
        .doesNotContain("erika@example.org")
        .doesNotContain("example.org")
        .doesNotContain("1234567");
  }

  @Test
  void textOfACitizenWithOnlyANameDoesNotShowTheName() {
    assertThat(Citizen.named("Max Mustermann").toString()).doesNotContain("Max", "Mustermann");
  }

  @Test
  void dataIsStillAvailableThroughTheAccessors() {
    assertThat(ERIKA.name()).isEqualTo("Erika Mustermann");
    assertThat(ERIKA.email()).contains("erika@example.org");
    assertThat(ERIKA.phone()).contains("+49 30 1234567");
  }

  @Test
  void namedCitizenHasNoContactData() {
    Citizen max = Citizen.named("Max Mustermann");

    assertThat(max.email()).isEmpty();
    assertThat(max.phone()).isEmpty();
  }

  @Test
  void citizensWithTheSameDataAreEqual() {
    assertThat(Citizen.named("Max Mustermann"))
        .isEqualTo(Citizen.named("Max Mustermann"))
        .isNotEqualTo(ERIKA);
  }

  @Test
  void blankNameIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> Citizen.named("  "));
  }

  @Test
  void nameOfTwoHundredCharactersIsAccepted() {
    assertThat(Citizen.named("a".repeat(200)).name()).hasSize(200);
  }

  @Test
  void nameOfTwoHundredAndOneCharactersIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Citizen.named("a".repeat(201)))
        .withMessageContaining("200");
  }

  @Test
  void missingNameIsRejected() {
    assertThatNullPointerException().isThrownBy(() -> Citizen.named(null));
  }

  @Test
  void blankEmailIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Citizen("Erika Mustermann", Optional.of(" "), Optional.empty()));
  }

  @Test
  void emailOfTwoHundredFiftyFiveCharactersIsRejected() {
    String email = "e".repeat(243) + "@example.org";
    assertThat(email).hasSize(255);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Citizen("Erika Mustermann", Optional.of(email), Optional.empty()));
  }

  @Test
  void emailOfTwoHundredFiftyFourCharactersIsAccepted() {
    String email = "e".repeat(242) + "@example.org";

    assertThat(new Citizen("Erika Mustermann", Optional.of(email), Optional.empty()).email())
        .contains(email);
  }

  @Test
  void blankPhoneIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Citizen("Erika Mustermann", Optional.empty(), Optional.of("")));
  }

  @Test
  void phoneOfTwoHundredFiftyFiveCharactersIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new Citizen("Erika Mustermann", Optional.empty(), Optional.of("1".repeat(255))));
  }

  @Test
  void errorMessagesDoNotRepeatTheRejectedData() {
    String email = "erika.mustermann.".repeat(20) + "@example.org";

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Citizen("Erika Mustermann", Optional.of(email), Optional.empty()))
        .withMessageNotContaining("erika");
  }

  @Test
  void noteOfFiveHundredCharactersIsAcceptedAndFiveHundredAndOneRejected() {
    assertThat(
            new Citizen(
                    "Erika Mustermann",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("n".repeat(500)))
                .note())
        .hasValueSatisfying(note -> assertThat(note).hasSize(500));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Citizen(
                    "Erika Mustermann",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("n".repeat(501))))
        .withMessageContaining("500");
  }

  @Test
  void blankNoteIsRejectedWithoutRepeatingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Citizen(
                    "Erika Mustermann", Optional.empty(), Optional.empty(), Optional.of("   ")))
        .withMessageContaining("note");
  }

  @Test
  void textAndErrorMessagesNeverShowTheNote() {
    Citizen withNote =
        new Citizen(
            "Erika Mustermann",
            Optional.empty(),
            Optional.empty(),
            Optional.of("Mietschulden seit März"));

    assertThat(withNote.toString()).doesNotContain("Mietschulden");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Citizen(
                    "Erika Mustermann",
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("Mietschulden ".repeat(50))))
        .withMessageNotContaining("Mietschulden");
  }

  @Test
  void withoutNoteKeepsNameAndContactAndDropsTheNote() {
    Citizen withNote =
        new Citizen(
            "Erika Mustermann",
            Optional.of("erika@example.org"),
            Optional.empty(),
            Optional.of("Rollstuhl"));

    assertThat(withNote.withoutNote())
        .isEqualTo(
            new Citizen("Erika Mustermann", Optional.of("erika@example.org"), Optional.empty()));
    assertThat(ERIKA.withoutNote()).isSameAs(ERIKA);
  }

  @Test
  void aCitizenWithEmailOrPhoneCanBeReachedOneWithOnlyANameCannot() {
    assertThat(ERIKA.hasContact()).isTrue();
    assertThat(
            new Citizen("Erika Mustermann", Optional.empty(), Optional.of("+49 30 1234567"))
                .hasContact())
        .isTrue();
    assertThat(
            new Citizen("Erika Mustermann", Optional.of("erika@example.org"), Optional.empty())
                .hasContact())
        .isTrue();
    assertThat(Citizen.named("Max Mustermann").hasContact()).isFalse();
  }
}
