package org.opentermin.core.booking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AppointmentStatusTest {

  @Test
  void cancelledBookingFreesItsTime() {
    assertThat(AppointmentStatus.CANCELLED.occupiesTime()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = AppointmentStatus.class, names = "CANCELLED", mode = EnumSource.Mode.EXCLUDE)
  void everyOtherStatusOccupiesTheTime(AppointmentStatus status) {
    assertThat(status.occupiesTime()).isTrue();
  }

  @Test
  void holdIsNotABooking() {
    assertThat(AppointmentStatus.HELD.isBooking()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = AppointmentStatus.class, names = "HELD", mode = EnumSource.Mode.EXCLUDE)
  void everyOtherStatusIsABooking(AppointmentStatus status) {
    assertThat(status.isBooking()).isTrue();
  }
}
