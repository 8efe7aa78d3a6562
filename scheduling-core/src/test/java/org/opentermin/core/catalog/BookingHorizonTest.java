package org.opentermin.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BookingHorizonTest {

  @Test
  void sameDayBookingWithoutNoticeIsAllowed() {
    BookingHorizon horizon = BookingHorizon.of(Duration.ZERO, 0);

    assertThat(horizon.minimumNotice()).isZero();
    assertThat(horizon.maximumDaysAhead()).isZero();
  }

  @Test
  void twoYearsAheadIsTheLongestHorizon() {
    assertThat(BookingHorizon.of(Duration.ofHours(24), 730).maximumDaysAhead()).isEqualTo(730);
  }

  @Test
  void moreThanTwoYearsAheadIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BookingHorizon.of(Duration.ofHours(24), 731))
        .withMessageContaining("731");
  }

  @Test
  void negativeDaysAheadAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BookingHorizon.of(Duration.ZERO, -1))
        .withMessageContaining("-1");
  }

  @Test
  void negativeNoticeIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BookingHorizon.of(Duration.ofMinutes(-1), 60))
        .withMessageContaining("PT-1M");
  }

  @Test
  void noticeOfUpToTwoYearsIsAccepted() {
    assertThat(BookingHorizon.of(Duration.ofDays(730), 730).minimumNotice())
        .isEqualTo(Duration.ofDays(730));
  }

  @Test
  void noticeOfMoreThanTwoYearsIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BookingHorizon.of(Duration.ofDays(731), 730));
  }
}
