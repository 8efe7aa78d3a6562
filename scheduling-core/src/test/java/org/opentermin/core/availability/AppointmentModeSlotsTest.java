package org.opentermin.core.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.core.availability.Fixtures.HOUSING;
import static org.opentermin.core.availability.Fixtures.MONDAY_DATE;
import static org.opentermin.core.availability.Fixtures.OFFICE_ID;
import static org.opentermin.core.availability.Fixtures.WEEKDAYS;
import static org.opentermin.core.availability.Fixtures.at;
import static org.opentermin.core.availability.Fixtures.caseworker;
import static org.opentermin.core.availability.Fixtures.finder;
import static org.opentermin.core.availability.Fixtures.localStarts;
import static org.opentermin.core.availability.Fixtures.office;
import static org.opentermin.core.availability.Fixtures.scheduled;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ModeOptions;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.Service;
import org.opentermin.core.time.DateRange;
import org.opentermin.core.worktime.WeeklyRule;
import org.opentermin.core.worktime.WorkingTime;

/** Slots for phone and video appointments: the mode's own duration and the mode's own resources. */
class AppointmentModeSlotsTest {

  private static final Office OFFICE = office();
  private static final Instant NOW = at(MONDAY_DATE.minusDays(1), "18:00");
  private static final WorkingTime EIGHT_TO_NINE =
      WorkingTime.builder().rule(WeeklyRule.weekly(WEEKDAYS, "08:00", "09:00")).build();

  /** Housing (20 minutes in person) also by phone in 10 minutes and by video with Berta only. */
  private static final Service HOUSING_IN_THREE_MODES =
      HOUSING.withModes(
          Map.of(
              AppointmentMode.IN_PERSON, ModeOptions.DEFAULT,
              AppointmentMode.PHONE, ModeOptions.lasting(Duration.ofMinutes(10)),
              AppointmentMode.VIDEO,
                  ModeOptions.DEFAULT.servedAt(OFFICE_ID, List.of(ResourceId.of("berta")))));

  private static AppointmentRequest request(AppointmentMode mode) {
    return AppointmentRequest.of(
        OFFICE, Channel.ONLINE, mode, List.of(RequestedService.of(HOUSING_IN_THREE_MODES, 1)));
  }

  private static Availability monday(SlotFinder finder, AppointmentMode mode) {
    return finder.findSlots(request(mode), DateRange.ofDay(MONDAY_DATE), Occupancy.empty(), NOW);
  }

  @Test
  void phoneAppointmentsUseTheModesShorterDurationAndOfferMoreStarts() {
    SlotFinder finder =
        finder(OFFICE, scheduled(caseworker("anna", HOUSING_IN_THREE_MODES), EIGHT_TO_NINE));

    Availability inPerson = monday(finder, AppointmentMode.IN_PERSON);
    Availability byPhone = monday(finder, AppointmentMode.PHONE);

    assertThat(inPerson.duration()).isEqualTo(Duration.ofMinutes(20));
    assertThat(localStarts(inPerson.slots())).last().isEqualTo(LocalTime.of(8, 40));
    assertThat(byPhone.duration()).isEqualTo(Duration.ofMinutes(10));
    assertThat(localStarts(byPhone.slots())).last().isEqualTo(LocalTime.of(8, 50));
  }

  @Test
  void videoAppointmentsAreServedOnlyByTheResourcesNamedForVideo() {
    SlotFinder finder =
        finder(
            OFFICE,
            scheduled(caseworker("anna", HOUSING_IN_THREE_MODES), EIGHT_TO_NINE),
            scheduled(caseworker("berta", HOUSING_IN_THREE_MODES), EIGHT_TO_NINE));
    Instant eight = at(MONDAY_DATE, "08:00");

    assertThat(monday(finder, AppointmentMode.IN_PERSON).slots())
        .first()
        .extracting(Slot::capacity)
        .isEqualTo(2);
    assertThat(monday(finder, AppointmentMode.VIDEO).slots())
        .first()
        .extracting(Slot::capacity)
        .isEqualTo(1);
    assertThat(
            finder.freeResourcesAt(request(AppointmentMode.VIDEO), eight, Occupancy.empty(), NOW))
        .containsExactly(ResourceId.of("berta"));
    assertThat(
            finder.freeResourcesAt(
                request(AppointmentMode.IN_PERSON), eight, Occupancy.empty(), NOW))
        .containsExactly(ResourceId.of("anna"), ResourceId.of("berta"));
  }

  @Test
  void videoResourcesNamedOnlyForAnotherOfficeLeaveThisOfficeWithoutVideo() {
    Service videoElsewhere =
        HOUSING.withModes(
            Map.of(
                AppointmentMode.IN_PERSON,
                ModeOptions.DEFAULT,
                AppointmentMode.VIDEO,
                ModeOptions.DEFAULT.servedAt(
                    OfficeId.of("sbh-nord"), List.of(ResourceId.of("anna")))));
    SlotFinder finder =
        finder(OFFICE, scheduled(caseworker("anna", videoElsewhere), EIGHT_TO_NINE));
    AppointmentRequest video =
        AppointmentRequest.of(
            OFFICE,
            Channel.ONLINE,
            AppointmentMode.VIDEO,
            List.of(RequestedService.of(videoElsewhere, 1)));

    assertThat(finder.findSlots(video, DateRange.ofDay(MONDAY_DATE), Occupancy.empty(), NOW).days())
        .isEmpty();
  }

  @Test
  void modesOwnDurationAppliesEvenWhereTheOfficeHasItsOwnDurationForTheService() {
    Service longerHere =
        HOUSING_IN_THREE_MODES.withDurationAtOffices(Map.of(OFFICE_ID, Duration.ofMinutes(40)));

    assertThat(
            AppointmentRequest.of(
                    OFFICE,
                    Channel.ONLINE,
                    AppointmentMode.IN_PERSON,
                    List.of(RequestedService.of(longerHere, 1)))
                .duration())
        .isEqualTo(Duration.ofMinutes(40));
    assertThat(
            AppointmentRequest.of(
                    OFFICE,
                    Channel.ONLINE,
                    AppointmentMode.PHONE,
                    List.of(RequestedService.of(longerHere, 2)))
                .duration())
        .isEqualTo(Duration.ofMinutes(20));
    assertThat(
            AppointmentRequest.of(
                    OFFICE,
                    Channel.ONLINE,
                    AppointmentMode.VIDEO,
                    List.of(RequestedService.of(longerHere, 1)))
                .duration())
        .isEqualTo(Duration.ofMinutes(40));
  }

  @Test
  void aRequestInAModeOneOfItsServicesIsNotServedInIsAProgrammingError() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new AppointmentRequest(
                    OFFICE,
                    ImmutableList.of(RequestedService.of(HOUSING, 1)),
                    Channel.ONLINE,
                    AppointmentMode.VIDEO))
        .withMessageContaining("VIDEO");
  }

  @Test
  void aRequestWithoutModeIsInPerson() {
    assertThat(Fixtures.request(OFFICE, HOUSING, 1).mode()).isEqualTo(AppointmentMode.IN_PERSON);
  }
}
