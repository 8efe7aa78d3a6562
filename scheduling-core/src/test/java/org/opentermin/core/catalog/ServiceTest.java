package org.opentermin.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceTest {

  private static final ServiceId PASSPORT = ServiceId.of("passport");
  private static final OfficeId MITTE = OfficeId.of("buergeramt-mitte");
  private static final OfficeId SPANDAU = OfficeId.of("buergeramt-spandau");

  private static Service passport(Duration duration, int maxPersons, Set<Channel> channels) {
    return Service.of(PASSPORT, "Reisepass beantragen", duration, maxPersons, channels, false);
  }

  private static Service passport(Duration duration) {
    return passport(duration, 4, EnumSet.of(Channel.ONLINE));
  }

  @Test
  void durationOfOneMinuteToEightHoursIsAccepted() {
    assertThat(passport(Duration.ofMinutes(1)).duration()).isEqualTo(Duration.ofMinutes(1));
    assertThat(passport(Duration.ofHours(8)).duration()).isEqualTo(Duration.ofHours(8));
  }

  @Test
  void zeroDurationIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> passport(Duration.ZERO));
  }

  @Test
  void negativeDurationIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> passport(Duration.ofMinutes(-15)))
        .withMessageContaining("PT-15M");
  }

  @Test
  void durationWithSecondsIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> passport(Duration.ofSeconds(90)))
        .withMessageContaining("PT1M30S");
  }

  @Test
  void durationWithAFractionOfASecondIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> passport(Duration.ofMinutes(15).plusNanos(1)));
  }

  @Test
  void durationOverEightHoursIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> passport(Duration.ofHours(8).plusMinutes(1)));
  }

  @Test
  void oneToTwentyPersonsPerAppointmentAreAccepted() {
    assertThat(passport(Duration.ofMinutes(15), 1, EnumSet.of(Channel.ONLINE)).maxPersons())
        .isEqualTo(1);
    assertThat(passport(Duration.ofMinutes(15), 20, EnumSet.of(Channel.ONLINE)).maxPersons())
        .isEqualTo(20);
  }

  @Test
  void zeroPersonsPerAppointmentAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> passport(Duration.ofMinutes(15), 0, EnumSet.of(Channel.ONLINE)));
  }

  @Test
  void twentyOnePersonsPerAppointmentAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> passport(Duration.ofMinutes(15), 21, EnumSet.of(Channel.ONLINE)))
        .withMessageContaining("21");
  }

  @Test
  void serviceThatCannotBeBookedThroughAnyChannelIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> passport(Duration.ofMinutes(15), 1, EnumSet.noneOf(Channel.class)))
        .withMessageContaining("passport");
  }

  @Test
  void serviceAllowsOnlyItsChannels() {
    Service phoneAndCounter =
        passport(Duration.ofMinutes(15), 1, EnumSet.of(Channel.PHONE, Channel.COUNTER));

    assertThat(phoneAndCounter.allows(Channel.PHONE)).isTrue();
    assertThat(phoneAndCounter.allows(Channel.COUNTER)).isTrue();
    assertThat(phoneAndCounter.allows(Channel.ONLINE)).isFalse();
  }

  @Test
  void officeWithItsOwnDurationUsesItAndOthersUseTheDefault() {
    Service passport =
        passport(Duration.ofMinutes(15))
            .withDurationAtOffices(Map.of(MITTE, Duration.ofMinutes(20)));

    assertThat(passport.durationAt(MITTE)).isEqualTo(Duration.ofMinutes(20));
    assertThat(passport.durationAt(SPANDAU)).isEqualTo(Duration.ofMinutes(15));
    assertThat(passport.duration()).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void officeOverrideWithSecondsIsRejected() {
    Service passport = passport(Duration.ofMinutes(15));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> passport.withDurationAtOffices(Map.of(MITTE, Duration.ofSeconds(630))));
  }

  @Test
  void officeOverrideOfZeroMinutesIsRejected() {
    Service passport = passport(Duration.ofMinutes(15));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> passport.withDurationAtOffices(Map.of(MITTE, Duration.ZERO)));
  }

  @Test
  void blankNameIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                Service.of(
                    PASSPORT, "  ", Duration.ofMinutes(15), 1, EnumSet.of(Channel.ONLINE), false));
  }

  @Test
  void serviceMadeWithoutModesIsServedInPersonOnlyWithItsOwnDurations() {
    Service passport =
        passport(Duration.ofMinutes(15))
            .withDurationAtOffices(Map.of(MITTE, Duration.ofMinutes(20)));

    assertThat(passport.modes().keySet()).containsExactly(AppointmentMode.IN_PERSON);
    assertThat(passport.allows(AppointmentMode.PHONE)).isFalse();
    assertThat(passport.durationAt(MITTE, AppointmentMode.IN_PERSON))
        .isEqualTo(Duration.ofMinutes(20));
    assertThat(passport.servedBy(AppointmentMode.IN_PERSON, MITTE, ResourceId.of("anyone")))
        .isTrue();
    assertThat(passport.servedBy(AppointmentMode.VIDEO, MITTE, ResourceId.of("anyone"))).isFalse();
  }

  @Test
  void modesOwnDurationWinsOverTheOfficesDuration() {
    Service passport =
        passport(Duration.ofMinutes(15))
            .withDurationAtOffices(Map.of(MITTE, Duration.ofMinutes(20)))
            .withModes(
                Map.of(
                    AppointmentMode.IN_PERSON,
                    ModeOptions.DEFAULT,
                    AppointmentMode.PHONE,
                    ModeOptions.lasting(Duration.ofMinutes(5))));

    assertThat(passport.durationAt(MITTE, AppointmentMode.PHONE)).isEqualTo(Duration.ofMinutes(5));
    assertThat(passport.durationAt(SPANDAU, AppointmentMode.PHONE))
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(passport.durationAt(SPANDAU, AppointmentMode.IN_PERSON))
        .isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void durationInAModeTheServiceIsNotServedInIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> passport(Duration.ofMinutes(15)).durationAt(MITTE, AppointmentMode.VIDEO))
        .withMessageContaining("VIDEO");
  }

  @Test
  void modeWithNamedResourcesIsServedOnlyByThemAndOnlyAtTheirOffices() {
    ResourceId anna = ResourceId.of("anna");
    Service passport =
        passport(Duration.ofMinutes(15))
            .withModes(
                Map.of(AppointmentMode.VIDEO, ModeOptions.DEFAULT.servedAt(MITTE, List.of(anna))));

    assertThat(passport.servedBy(AppointmentMode.VIDEO, MITTE, anna)).isTrue();
    assertThat(passport.servedBy(AppointmentMode.VIDEO, MITTE, ResourceId.of("ben"))).isFalse();
    assertThat(passport.servedBy(AppointmentMode.VIDEO, SPANDAU, anna)).isFalse();
    assertThat(passport.allows(AppointmentMode.IN_PERSON)).isFalse();
  }

  @Test
  void modesAreKeptInTheEnumsOrderWhateverOrderTheyCameIn() {
    Service passport =
        passport(Duration.ofMinutes(15))
            .withModes(
                Map.of(
                    AppointmentMode.VIDEO,
                    ModeOptions.DEFAULT,
                    AppointmentMode.IN_PERSON,
                    ModeOptions.DEFAULT,
                    AppointmentMode.PHONE,
                    ModeOptions.DEFAULT));

    assertThat(passport.modes().keySet())
        .containsExactly(AppointmentMode.IN_PERSON, AppointmentMode.PHONE, AppointmentMode.VIDEO);
  }

  @Test
  void otherChangesKeepTheModes() {
    Map<AppointmentMode, ModeOptions> phoneOnly =
        Map.of(AppointmentMode.PHONE, ModeOptions.lasting(Duration.ofMinutes(5)));
    Service passport = passport(Duration.ofMinutes(15)).withModes(phoneOnly);

    assertThat(passport.withDurationAtOffices(Map.of(MITTE, Duration.ofMinutes(20))).modes())
        .isEqualTo(phoneOnly);
  }

  @Test
  void serviceWithoutAnyModeIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> passport(Duration.ofMinutes(15)).withModes(Map.of()))
        .withMessageContaining("passport");
  }

  @Test
  void modesOwnDurationIsCheckedLikeTheServicesDuration() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ModeOptions.lasting(Duration.ofSeconds(90)));
    assertThatIllegalArgumentException().isThrownBy(() -> ModeOptions.lasting(Duration.ofHours(9)));
  }
}
