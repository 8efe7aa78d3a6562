package org.opentermin.core.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.opentermin.core.calendar.HolidayRegion;
import org.opentermin.core.catalog.BookingHorizon;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.catalog.ServiceId;

class OutsideTextTest {

  private static final Office MITTE =
      new Office(
          OfficeId.of("sbh-mitte"),
          "Sozialbürgerhaus Mitte",
          ZoneId.of("Europe/Berlin"),
          HolidayRegion.munich(),
          15,
          BookingHorizon.of(Duration.ZERO, 60),
          Duration.ofMinutes(10));
  private static final Service HOUSING_BENEFIT = service("wohngeld", "Wohngeld", false);
  private static final Service EDUCATION =
      service("bildung-und-teilhabe", "Bildung und Teilhabe", false);
  private static final Service DEBT_ADVICE =
      service("schuldnerberatung", "Schuldner- und Insolvenzberatung", true);

  private static Service service(String id, String name, boolean sensitive) {
    return Service.of(
        ServiceId.of(id), name, Duration.ofMinutes(30), 1, EnumSet.allOf(Channel.class), sensitive);
  }

  @Test
  void theAppointmentIsAnAppointmentAtTheOffice() {
    assertThat(OutsideText.appointmentAt(MITTE, Locale.ENGLISH))
        .isEqualTo("Appointment at Sozialbürgerhaus Mitte");
    assertThat(OutsideText.appointmentAt(MITTE, Locale.GERMANY))
        .isEqualTo("Termin: Sozialbürgerhaus Mitte");
  }

  @Test
  void plainServicesAreNamed() {
    assertThat(OutsideText.serviceNames(List.of(HOUSING_BENEFIT, EDUCATION)))
        .containsExactly("Wohngeld", "Bildung und Teilhabe");
  }

  @Test
  void aRefusalNamesAPlainServiceByIdButNotASensitiveOne() {
    assertThat(OutsideText.inRefusal(HOUSING_BENEFIT)).isEqualTo("service wohngeld");
    assertThat(OutsideText.inRefusal(DEBT_ADVICE)).isEqualTo("the requested service");
  }

  @Test
  void oneSensitiveServiceSilencesAllOfThem() {
    assertThat(OutsideText.serviceNames(List.of(HOUSING_BENEFIT, DEBT_ADVICE))).isEmpty();
    assertThat(OutsideText.serviceNames(List.of(DEBT_ADVICE))).isEmpty();
  }
}
