package org.opentermin.core.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentermin.core.calendar.HolidayRegion;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.BookingHorizon;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;

/** What leaves the system about how an appointment takes place. */
class OutsideTextForModesTest {

  private static final Office MITTE =
      new Office(
          OfficeId.of("sbh-mitte"),
          "Sozialbürgerhaus Mitte",
          ZoneId.of("Europe/Berlin"),
          HolidayRegion.munich(),
          15,
          BookingHorizon.of(Duration.ZERO, 60),
          Duration.ofMinutes(10));
  private static final VideoLink LINK =
      VideoLink.of("https://video.example.org/qk4x7m2v9zt3abcdefghjk2345");

  @Test
  void eachModeSaysHowTheAppointmentTakesPlaceAndInPersonStaysAsItWas() {
    assertThat(OutsideText.appointmentAt(MITTE, AppointmentMode.IN_PERSON, Locale.ENGLISH))
        .isEqualTo(OutsideText.appointmentAt(MITTE, Locale.ENGLISH));
    assertThat(OutsideText.appointmentAt(MITTE, AppointmentMode.PHONE, Locale.ENGLISH))
        .isEqualTo("Phone appointment with Sozialbürgerhaus Mitte");
    assertThat(OutsideText.appointmentAt(MITTE, AppointmentMode.VIDEO, Locale.GERMANY))
        .isEqualTo("Videotermin: Sozialbürgerhaus Mitte");
  }

  @Test
  void aPhoneAppointmentSaysTheOfficeCallsButNotTheNumber() {
    assertThat(OutsideText.howToMeet(AppointmentMode.PHONE, Optional.empty(), Locale.ENGLISH))
        .hasValueSatisfying(
            text -> assertThat(text).startsWith("We will call you").doesNotContainPattern("\\d"));
    assertThat(OutsideText.howToMeet(AppointmentMode.PHONE, Optional.empty(), Locale.GERMAN))
        .hasValueSatisfying(text -> assertThat(text).startsWith("Wir rufen Sie"));
  }

  @Test
  void aVideoAppointmentGivesItsLinkAndInPersonNeedsNoWord() {
    assertThat(OutsideText.howToMeet(AppointmentMode.VIDEO, Optional.of(LINK), Locale.ENGLISH))
        .hasValueSatisfying(text -> assertThat(text).endsWith(LINK.text()));
    assertThat(OutsideText.howToMeet(AppointmentMode.VIDEO, Optional.empty(), Locale.ENGLISH))
        .isEmpty();
    assertThat(OutsideText.howToMeet(AppointmentMode.IN_PERSON, Optional.empty(), Locale.ENGLISH))
        .isEmpty();
  }
}
