package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.core.fairness.FairnessFixtures.ANNA;
import static org.opentermin.core.fairness.FairnessFixtures.BERND;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentermin.core.availability.BusyPeriod;

class BookedMinutesTest {

  private static final TimeWindow WEEK =
      new TimeWindow(Instant.parse("2027-03-01T00:00:00Z"), Instant.parse("2027-03-08T00:00:00Z"));

  @Test
  void bookingsAddUpPerResource() {
    List<BusyPeriod> periods =
        List.of(
            BusyPeriod.booking(
                ANNA, Instant.parse("2027-03-01T09:00:00Z"), Instant.parse("2027-03-01T09:30:00Z")),
            BusyPeriod.booking(
                ANNA, Instant.parse("2027-03-02T10:00:00Z"), Instant.parse("2027-03-02T10:45:00Z")),
            BusyPeriod.booking(
                BERND,
                Instant.parse("2027-03-03T10:00:00Z"),
                Instant.parse("2027-03-03T10:20:00Z")));

    assertThat(BookedMinutes.within(WEEK, periods))
        .containsOnlyKeys(ANNA, BERND)
        .containsEntry(ANNA, 75L)
        .containsEntry(BERND, 20L);
  }

  @Test
  void holdsDoNotCountBecauseTheyMayStillExpire() {
    List<BusyPeriod> periods =
        List.of(
            BusyPeriod.hold(
                ANNA,
                Instant.parse("2027-03-01T09:00:00Z"),
                Instant.parse("2027-03-01T09:30:00Z"),
                Instant.parse("2027-03-01T08:10:00Z")));

    assertThat(BookedMinutes.within(WEEK, periods)).isEmpty();
  }

  @Test
  void bookingOverTheWindowsEdgeCountsOnlyItsPartInside() {
    List<BusyPeriod> periods =
        List.of(
            BusyPeriod.booking(
                ANNA, Instant.parse("2027-02-28T23:40:00Z"), Instant.parse("2027-03-01T00:10:00Z")),
            BusyPeriod.booking(
                BERND,
                Instant.parse("2027-03-07T23:50:00Z"),
                Instant.parse("2027-03-08T00:30:00Z")));

    assertThat(BookedMinutes.within(WEEK, periods))
        .containsEntry(ANNA, 10L)
        .containsEntry(BERND, 10L);
  }
}
