package org.opentermin.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.catalog.ServiceId;

class RetentionPeriodTest {

  private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
  private static final Instant END = START.plus(Duration.ofMinutes(20));
  private static final Appointment BOOKING =
      Appointment.hold(
              new AppointmentId(OfficeId.of("sbh-mitte"), new UUID(1, 1)),
              ResourceId.of("anna"),
              START,
              END,
              List.of(new BookedService(ServiceId.of("wohngeld"), 1)),
              Channel.ONLINE,
              START.minusSeconds(3600))
          .confirmed(new BookingReference("K7M2QX9P"), Citizen.named("Erika Mustermann"));

  @Test
  void defaultIsThirtyDays() {
    assertThat(RetentionPeriod.DEFAULT.days()).isEqualTo(30);
    assertThat(RetentionPeriod.DEFAULT.duration()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void oneDayAndTenYearsAreTheBounds() {
    assertThat(RetentionPeriod.ofDays(1).days()).isEqualTo(1);
    assertThat(RetentionPeriod.ofDays(3650).days()).isEqualTo(3650);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RetentionPeriod.ofDays(0))
        .withMessageContaining("1 to 3650");
    assertThatIllegalArgumentException().isThrownBy(() -> RetentionPeriod.ofDays(3651));
  }

  @Test
  void dataOfABookingIsDueThePeriodAfterItsEnd() {
    assertThat(RetentionPeriod.ofDays(7).erasureDue(BOOKING, Optional.empty()))
        .isEqualTo(END.plus(Duration.ofDays(7)));
  }

  @Test
  void dataOfABookingCancelledBeforeItsEndIsDueThePeriodAfterTheCancellation() {
    Instant cancelled = START.minus(Duration.ofDays(40));

    assertThat(RetentionPeriod.ofDays(7).erasureDue(BOOKING, Optional.of(cancelled)))
        .isEqualTo(cancelled.plus(Duration.ofDays(7)));
    assertThat(RetentionPeriod.ofDays(7).erasureDue(BOOKING, Optional.of(END.plusSeconds(1))))
        .isEqualTo(END.plus(Duration.ofDays(7)));
  }

  @Test
  void whatFinishedByThePeriodBeforeNowIsDue() {
    Instant now = END.plus(Duration.ofDays(7));

    assertThat(RetentionPeriod.ofDays(7).finishedBy(now)).isEqualTo(END);
  }
}
