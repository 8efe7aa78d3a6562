package org.opentermin.core.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.core.availability.Fixtures.BASIC_INCOME;
import static org.opentermin.core.availability.Fixtures.DEBT_ADVICE;
import static org.opentermin.core.availability.Fixtures.HOUSING;
import static org.opentermin.core.availability.Fixtures.OFFICE_ID;
import static org.opentermin.core.availability.Fixtures.office;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentermin.core.catalog.BookingHorizon;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.Service;

class AppointmentRequestTest {

  private final Office office = office();

  @Test
  void sameServiceNamedTwiceBecomesOneEntryWithThePersonsAddedUp() {
    AppointmentRequest request =
        AppointmentRequest.of(
            office,
            Channel.ONLINE,
            List.of(
                RequestedService.of(HOUSING, 1),
                RequestedService.of(BASIC_INCOME, 1),
                RequestedService.of(HOUSING, 1)));

    assertThat(request.services())
        .containsExactly(RequestedService.of(HOUSING, 2), RequestedService.of(BASIC_INCOME, 1));
    assertThat(request.duration()).isEqualTo(Duration.ofMinutes(70));
  }

  @Test
  void officeSpecificDurationWins() {
    Service slowerHere = HOUSING.withDurationAtOffices(Map.of(OFFICE_ID, Duration.ofMinutes(45)));

    AppointmentRequest request = AppointmentRequest.of(office, Channel.ONLINE, slowerHere);

    assertThat(request.duration())
        .isEqualTo(Duration.ofMinutes(50)); // 45 rounded up to the 10-minute grid
  }

  @Test
  void durationRoundsUpToTheOfficeGrid() {
    Office halfHours = office(30, BookingHorizon.of(Duration.ZERO, 30));

    assertThat(AppointmentRequest.of(halfHours, Channel.ONLINE, HOUSING).duration())
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(AppointmentRequest.of(halfHours, Channel.ONLINE, BASIC_INCOME).duration())
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void serviceThatDoesNotAllowTheChannelIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AppointmentRequest.of(office, Channel.ONLINE, DEBT_ADVICE))
        .withMessageContaining("debt-advice")
        .withMessageContaining("ONLINE");
  }

  @Test
  void morePersonsThanTheServiceAllowsAreRejectedAlsoWhenSplitOverEntries() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                AppointmentRequest.of(
                    office,
                    Channel.ONLINE,
                    List.of(RequestedService.of(HOUSING, 2), RequestedService.of(HOUSING, 1))))
        .withMessageContaining("at most 2");
  }

  @Test
  void emptyRequestIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AppointmentRequest.of(office, Channel.ONLINE, List.of()));
  }

  @Test
  void appointmentLongerThanADayIsRejected() {
    Service marathon =
        Service.of(
            org.opentermin.core.catalog.ServiceId.of("marathon"),
            "Marathon",
            Duration.ofHours(8),
            4,
            java.util.EnumSet.of(Channel.ONLINE),
            false);

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                AppointmentRequest.of(
                    office, Channel.ONLINE, List.of(RequestedService.of(marathon, 4))));
  }
}
