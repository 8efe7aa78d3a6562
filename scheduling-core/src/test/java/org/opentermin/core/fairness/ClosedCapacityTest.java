package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.core.fairness.FairnessFixtures.ANNA;
import static org.opentermin.core.fairness.FairnessFixtures.BERLIN;
import static org.opentermin.core.fairness.FairnessFixtures.BERND;
import static org.opentermin.core.fairness.FairnessFixtures.OFFICE_ID;
import static org.opentermin.core.fairness.FairnessFixtures.SECRET;
import static org.opentermin.core.fairness.FairnessFixtures.office;
import static org.opentermin.core.fairness.FairnessFixtures.only;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentermin.core.availability.BusyPeriod;
import org.opentermin.core.booking.AppointmentId;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ResourceId;

class ClosedCapacityTest {

  private static final ReleasePolicy WEEK_AHEAD_IN_TWO_WAVES =
      new ReleasePolicy(
          LocalTime.of(8, 0),
          Duration.ofHours(2),
          ImmutableList.of(new ReleaseWave(14, 50), new ReleaseWave(7, 50)));
  private static final ReleasePolicy ONE_WAVE_AT_EIGHT =
      new ReleasePolicy(
          LocalTime.of(8, 0), Duration.ZERO, ImmutableList.of(new ReleaseWave(7, 100)));
  private static final LocalDate SPRING_FORWARD = LocalDate.of(2027, 3, 28);
  private static final List<ResourceId> BOTH = ImmutableList.of(ANNA, BERND);

  @Test
  void springForwardDayIsClosedInWholeCellsWithoutTheMissingHour() {
    Instant from = SPRING_FORWARD.atStartOfDay(BERLIN).toInstant();
    Instant to = SPRING_FORWARD.plusDays(1).atStartOfDay(BERLIN).toInstant();
    Instant longBefore = from.minus(Duration.ofDays(30));

    ClosedCapacity closed =
        ClosedCapacity.of(
            only(WEEK_AHEAD_IN_TWO_WAVES),
            SECRET,
            office(15),
            BOTH,
            from,
            to,
            Channel.ONLINE,
            false,
            List.of(),
            longBefore);

    for (ResourceId resource : BOTH) {
      Duration covered = Duration.ZERO;
      for (BusyPeriod period : closed.byRelease()) {
        if (period.resource().equals(resource)) {
          assertThat(ZonedDateTime.ofInstant(period.start(), BERLIN).getMinute() % 15).isZero();
          assertThat(ZonedDateTime.ofInstant(period.end(), BERLIN).getMinute() % 15).isZero();
          covered = covered.plus(Duration.between(period.start(), period.end()));
        }
      }
      assertThat(covered).as("closed time of %s", resource).isEqualTo(Duration.ofHours(23));
    }
  }

  @Test
  void cellsOpenAtTheirWavesOpening() {
    Instant from = Instant.parse("2027-06-14T06:00:00Z");
    Instant to = from.plus(Duration.ofHours(2));
    Instant now = Instant.parse("2027-05-01T00:00:00Z");

    ClosedCapacity closed =
        ClosedCapacity.of(
            only(WEEK_AHEAD_IN_TWO_WAVES),
            SECRET,
            office(30),
            List.of(ANNA),
            from,
            to,
            Channel.ONLINE,
            false,
            List.of(),
            now);

    for (BusyPeriod period : closed.byRelease()) {
      for (Instant cell = period.start();
          cell.isBefore(period.end());
          cell = cell.plus(Duration.ofMinutes(30))) {
        assertThat(period.expiresAt())
            .isEqualTo(WEEK_AHEAD_IN_TWO_WAVES.cellOpensAt(SECRET, OFFICE_ID, BERLIN, ANNA, cell));
      }
    }
    assertThat(
            closed.byRelease().stream()
                .mapToLong(period -> Duration.between(period.start(), period.end()).toMinutes())
                .sum())
        .isEqualTo(120);
  }

  @Test
  void everyCellIsClosedUntilItsOwnOpeningAcrossAFallBackDayAndFromAnOddMinute() {
    Instant from = ZonedDateTime.of(2027, 10, 30, 7, 7, 0, 0, BERLIN).toInstant();
    Instant to = ZonedDateTime.of(2027, 11, 2, 0, 0, 0, 0, BERLIN).toInstant();
    Instant now = from.minus(Duration.ofDays(30));

    ClosedCapacity closed =
        ClosedCapacity.of(
            only(WEEK_AHEAD_IN_TWO_WAVES),
            SECRET,
            office(15),
            BOTH,
            from,
            to,
            Channel.ONLINE,
            false,
            List.of(),
            now);

    for (ResourceId resource : BOTH) {
      for (TimeWindow cell = LocalGrid.cellAt(BERLIN, from, 15);
          cell.start().isBefore(to);
          cell = LocalGrid.cellAt(BERLIN, cell.end(), 15)) {
        Instant opens =
            WEEK_AHEAD_IN_TWO_WAVES.cellOpensAt(SECRET, OFFICE_ID, BERLIN, resource, cell.start());
        Instant at = cell.start();
        assertThat(closed.byRelease())
            .filteredOn(
                period ->
                    period.resource().equals(resource)
                        && !period.start().isAfter(at)
                        && period.end().isAfter(at))
            .as("the cell of %s at %s", resource, at)
            .singleElement()
            .extracting(BusyPeriod::expiresAt)
            .isEqualTo(opens);
      }
    }
    Instant firstCell = LocalGrid.cellAt(BERLIN, from, 15).start();
    long closedMinutes =
        closed.byRelease().stream()
            .mapToLong(period -> Duration.between(period.start(), period.end()).toMinutes())
            .sum();
    assertThat(closedMinutes)
        .as("whole cells, the fall-back day with 25 hours")
        .isEqualTo(2 * Duration.between(firstCell, to).toMinutes());
  }

  @Test
  void daysAlreadyFullyOpenCloseNothing() {
    LocalDate day = LocalDate.of(2027, 6, 14);
    Instant from = day.atStartOfDay(BERLIN).toInstant();
    Instant now = WEEK_AHEAD_IN_TWO_WAVES.dayFullyOpenAt(SECRET, OFFICE_ID, BERLIN, day);

    ClosedCapacity closed =
        ClosedCapacity.of(
            only(WEEK_AHEAD_IN_TWO_WAVES),
            SECRET,
            office(10),
            BOTH,
            from,
            from.plus(Duration.ofDays(1)),
            Channel.ONLINE,
            false,
            List.of(),
            now);

    assertThat(closed.byRelease()).isEmpty();
  }

  @Test
  void releaseDoesNotCloseCapacityForStaff() {
    Instant from = Instant.parse("2027-06-14T06:00:00Z");
    Instant longBefore = Instant.parse("2027-01-01T00:00:00Z");

    for (Channel staff : List.of(Channel.PHONE, Channel.COUNTER)) {
      assertThat(
              ClosedCapacity.of(
                      only(ONE_WAVE_AT_EIGHT),
                      SECRET,
                      office(10),
                      BOTH,
                      from,
                      from.plus(Duration.ofDays(1)),
                      staff,
                      false,
                      List.of(),
                      longBefore)
                  .isEmpty())
          .isTrue();
    }
  }

  @Test
  void adjacentCellsOpeningTogetherAreMergedIntoOnePeriodPerResourceAndDay() {
    LocalDate day = LocalDate.of(2027, 6, 14);
    Instant from = day.atStartOfDay(BERLIN).toInstant();
    Instant to = day.plusDays(2).atStartOfDay(BERLIN).toInstant();

    ClosedCapacity closed =
        ClosedCapacity.of(
            only(ONE_WAVE_AT_EIGHT),
            SECRET,
            office(5),
            BOTH,
            from,
            to,
            Channel.ONLINE,
            false,
            List.of(),
            Instant.parse("2027-06-01T00:00:00Z"));

    assertThat(closed.byRelease())
        .containsExactly(
            BusyPeriod.hold(
                ANNA, from, from.plus(Duration.ofDays(1)), Instant.parse("2027-06-07T06:00:00Z")),
            BusyPeriod.hold(
                ANNA, from.plus(Duration.ofDays(1)), to, Instant.parse("2027-06-08T06:00:00Z")),
            BusyPeriod.hold(
                BERND, from, from.plus(Duration.ofDays(1)), Instant.parse("2027-06-07T06:00:00Z")),
            BusyPeriod.hold(
                BERND, from.plus(Duration.ofDays(1)), to, Instant.parse("2027-06-08T06:00:00Z")));
  }

  @Test
  void blocksOfADedicatedResourceAreMergedAndClosedForGood() {
    ChannelContingents phoneOnlyAnna =
        new ChannelContingents(
            ImmutableMap.of(Contingent.ONLINE, 100),
            ImmutableMap.of(ANNA, Contingent.COUNTER),
            60,
            Duration.ofHours(24));
    Instant from = Instant.parse("2027-06-14T06:00:00Z");
    Instant to = from.plus(Duration.ofDays(3));

    ClosedCapacity closed =
        ClosedCapacity.of(
            only(phoneOnlyAnna),
            SECRET,
            office(10),
            BOTH,
            from,
            to,
            Channel.ONLINE,
            false,
            List.of(),
            from);

    assertThat(closed.byContingents()).containsExactly(BusyPeriod.booking(ANNA, from, to));
    assertThat(closed.withoutContingents()).isEmpty();
    assertThat(closed.withoutRelease()).isEqualTo(closed.all());
  }

  @Test
  void phoneBlocksOpenToOnlineHoldsADayAhead() {
    ChannelContingents allPhone =
        new ChannelContingents(
            ImmutableMap.of(Contingent.PHONE, 100), ImmutableMap.of(), 60, Duration.ofHours(24));
    Instant from = Instant.parse("2027-06-14T06:00:00Z");
    Instant now = from.minus(Duration.ofDays(2));

    ClosedCapacity closed =
        ClosedCapacity.of(
            only(allPhone),
            SECRET,
            office(10),
            List.of(ANNA),
            from,
            from.plus(Duration.ofHours(2)),
            Channel.ONLINE,
            false,
            List.of(),
            now);

    assertThat(closed.byContingents())
        .containsExactly(
            BusyPeriod.hold(
                ANNA, from, from.plus(Duration.ofHours(1)), from.minus(Duration.ofHours(24))),
            BusyPeriod.hold(
                ANNA,
                from.plus(Duration.ofHours(1)),
                from.plus(Duration.ofHours(2)),
                from.minus(Duration.ofHours(23))));
  }

  @Test
  void cancelledTimeIsQuarantinedForOnlineHoldsOnly() {
    Quarantine quarantine = new Quarantine(Duration.ofMinutes(15), Duration.ofHours(3));
    Instant start = Instant.parse("2027-06-14T08:00:00Z");
    AppointmentId id =
        new AppointmentId(OFFICE_ID, UUID.fromString("3f0e7c1a-2b4d-4c6e-8f10-a2b3c4d5e6f7"));
    Instant cancelledAt = Instant.parse("2027-06-10T12:00:00Z");
    Cancellation cancellation =
        new Cancellation(id, ANNA, start, start.plus(Duration.ofMinutes(30)), cancelledAt);
    Instant reopens = quarantine.reopensAt(SECRET, id, cancelledAt);
    Instant from = start.minus(Duration.ofHours(2));
    Instant to = start.plus(Duration.ofHours(2));

    ClosedCapacity online =
        ClosedCapacity.of(
            only(quarantine),
            SECRET,
            office(10),
            BOTH,
            from,
            to,
            Channel.ONLINE,
            false,
            List.of(cancellation),
            cancelledAt);
    ClosedCapacity phone =
        ClosedCapacity.of(
            only(quarantine),
            SECRET,
            office(10),
            BOTH,
            from,
            to,
            Channel.PHONE,
            false,
            List.of(cancellation),
            cancelledAt);
    ClosedCapacity afterwards =
        ClosedCapacity.of(
            only(quarantine),
            SECRET,
            office(10),
            BOTH,
            from,
            to,
            Channel.ONLINE,
            false,
            List.of(cancellation),
            reopens);

    assertThat(online.byQuarantine())
        .containsExactly(BusyPeriod.hold(ANNA, start, start.plus(Duration.ofMinutes(30)), reopens));
    assertThat(online.withoutRelease()).isEqualTo(online.byQuarantine());
    assertThat(phone.isEmpty()).isTrue();
    assertThat(afterwards.isEmpty()).isTrue();
  }

  @Test
  void noPolicyClosesNothing() {
    Instant from = Instant.parse("2027-06-14T06:00:00Z");

    assertThat(
            ClosedCapacity.of(
                AccessPolicy.none(),
                SECRET,
                office(10),
                BOTH,
                from,
                from.plus(Duration.ofDays(7)),
                Channel.ONLINE,
                false,
                List.of(),
                from))
        .isEqualTo(ClosedCapacity.none());
    assertThat(ClosedCapacity.none().all()).isEmpty();
  }

  @Test
  void rangeEndingBeforeItStartsIsRejected() {
    Instant from = Instant.parse("2027-06-14T06:00:00Z");

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                ClosedCapacity.of(
                    only(ONE_WAVE_AT_EIGHT),
                    SECRET,
                    office(10),
                    BOTH,
                    from,
                    from.minusSeconds(1),
                    Channel.ONLINE,
                    false,
                    List.of(),
                    from));
  }
}
