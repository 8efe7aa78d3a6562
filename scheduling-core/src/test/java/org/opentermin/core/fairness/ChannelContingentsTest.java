package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.opentermin.core.fairness.FairnessFixtures.ANNA;
import static org.opentermin.core.fairness.FairnessFixtures.BERLIN;
import static org.opentermin.core.fairness.FairnessFixtures.OFFICE_ID;
import static org.opentermin.core.fairness.FairnessFixtures.SECRET;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ResourceId;

class ChannelContingentsTest {

  private static final ChannelContingents RECOMMENDED = AccessPolicy.RECOMMENDED_CONTINGENTS;
  private static final Instant BLOCK_START = Instant.parse("2027-06-14T08:00:00Z");

  @Test
  void channelsMapToTheirContingents() {
    assertThat(Contingent.of(Channel.ONLINE)).isEqualTo(Contingent.ONLINE);
    assertThat(Contingent.of(Channel.PHONE)).isEqualTo(Contingent.PHONE);
    assertThat(Contingent.of(Channel.COUNTER)).isEqualTo(Contingent.COUNTER);
  }

  @Test
  void blocksAlignToLocalMidnight() {
    ChannelContingents fourHours = withBlocks(240);

    assertThat(fourHours.blockAt(BERLIN, Instant.parse("2027-06-14T09:59:59Z")))
        .isEqualTo(
            new TimeWindow(
                Instant.parse("2027-06-14T06:00:00Z"), Instant.parse("2027-06-14T10:00:00Z")));
  }

  @Test
  void blockOverSpringForwardIsShorter() {
    TimeWindow block = withBlocks(120).blockAt(BERLIN, Instant.parse("2027-03-28T01:30:00Z"));

    assertThat(block)
        .isEqualTo(
            new TimeWindow(
                Instant.parse("2027-03-28T01:00:00Z"), Instant.parse("2027-03-28T02:00:00Z")));
  }

  @Test
  void blockOverFallBackIsLongerAndHoldsBothOccurrencesOfTheRepeatedHour() {
    TimeWindow first =
        RECOMMENDED.blockAt(BERLIN, Instant.parse("2027-10-31T00:30:00Z")); // 02:30 CEST
    TimeWindow second =
        RECOMMENDED.blockAt(BERLIN, Instant.parse("2027-10-31T01:30:00Z")); // 02:30 CET

    assertThat(first).isEqualTo(second);
    assertThat(first.duration()).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void dedicatedResourceHasOnlyItsContingent() {
    ChannelContingents contingents =
        new ChannelContingents(
            RECOMMENDED.sharePercent(),
            ImmutableMap.of(ANNA, Contingent.PHONE),
            60,
            Duration.ofHours(24));

    for (int hour = 0; hour < 48; hour++) {
      assertThat(
              contingents.contingentOf(
                  SECRET, OFFICE_ID, BERLIN, ANNA, BLOCK_START.plus(Duration.ofHours(hour))))
          .isEqualTo(Contingent.PHONE);
    }
  }

  @Test
  void sharesAreRoughlyRespectedOverManyBlocks() {
    Map<Contingent, Integer> counts = new EnumMap<>(Contingent.class);
    for (int i = 0; i < 10_000; i++) {
      ResourceId resource = ResourceId.of("r" + (i % 10));
      Instant at = BLOCK_START.plus(Duration.ofHours(i / 10));
      counts.merge(
          RECOMMENDED.contingentOf(SECRET, OFFICE_ID, BERLIN, resource, at), 1, Integer::sum);
    }

    assertThat(counts.get(Contingent.ONLINE)).isBetween(6_700, 7_300);
    assertThat(counts.get(Contingent.PHONE)).isBetween(1_700, 2_300);
    assertThat(counts.get(Contingent.URGENT)).isBetween(700, 1_300);
    assertThat(counts).doesNotContainKey(Contingent.COUNTER);
  }

  @Test
  void everyInstantOfABlockHasTheBlocksContingent() {
    for (int minute = 0; minute < 60; minute += 7) {
      assertThat(
              RECOMMENDED.contingentOf(
                  SECRET, OFFICE_ID, BERLIN, ANNA, BLOCK_START.plus(Duration.ofMinutes(minute))))
          .isEqualTo(RECOMMENDED.contingentOf(SECRET, OFFICE_ID, BERLIN, ANNA, BLOCK_START));
    }
  }

  @Test
  void eachChannelUsesItsOwnContingent() {
    Instant now = BLOCK_START.minus(Duration.ofDays(3));

    assertThat(RECOMMENDED.usable(Contingent.ONLINE, Channel.ONLINE, false, BLOCK_START, now))
        .isTrue();
    assertThat(RECOMMENDED.usable(Contingent.PHONE, Channel.PHONE, false, BLOCK_START, now))
        .isTrue();
    assertThat(RECOMMENDED.usable(Contingent.COUNTER, Channel.COUNTER, false, BLOCK_START, now))
        .isTrue();
    assertThat(RECOMMENDED.usable(Contingent.ONLINE, Channel.PHONE, false, BLOCK_START, now))
        .isFalse();
    assertThat(RECOMMENDED.usable(Contingent.PHONE, Channel.ONLINE, false, BLOCK_START, now))
        .isFalse();
    assertThat(RECOMMENDED.usable(Contingent.COUNTER, Channel.ONLINE, false, BLOCK_START, now))
        .isFalse();
  }

  @Test
  void staffUseUrgentBlocksOnlyForUrgentCases() {
    Instant now = BLOCK_START.minus(Duration.ofDays(3));

    assertThat(RECOMMENDED.usable(Contingent.URGENT, Channel.PHONE, true, BLOCK_START, now))
        .isTrue();
    assertThat(RECOMMENDED.usable(Contingent.URGENT, Channel.COUNTER, true, BLOCK_START, now))
        .isTrue();
    assertThat(RECOMMENDED.usable(Contingent.URGENT, Channel.PHONE, false, BLOCK_START, now))
        .isFalse();
  }

  @Test
  void citizensNeverUseUrgentBlocksBeforeTheirRelease() {
    Instant dayBefore = BLOCK_START.minus(RECOMMENDED.releaseToOnlineBefore());

    assertThat(
            RECOMMENDED.usable(
                Contingent.URGENT, Channel.ONLINE, true, BLOCK_START, dayBefore.minusMillis(1)))
        .isFalse();
    assertThat(RECOMMENDED.usable(Contingent.URGENT, Channel.ONLINE, false, BLOCK_START, dayBefore))
        .isTrue();
  }

  @Test
  void phoneBlocksOpenToOnlineTwoDaysAhead() {
    assertThat(RECOMMENDED.releaseToOnlineBefore()).isEqualTo(Duration.ofHours(48));
    Instant dayBefore = BLOCK_START.minus(Duration.ofHours(48));

    assertThat(
            RECOMMENDED.usable(
                Contingent.PHONE, Channel.ONLINE, false, BLOCK_START, dayBefore.minusMillis(1)))
        .isFalse();
    assertThat(RECOMMENDED.usable(Contingent.PHONE, Channel.ONLINE, false, BLOCK_START, dayBefore))
        .isTrue();
    assertThat(
            RECOMMENDED.usable(Contingent.COUNTER, Channel.ONLINE, false, BLOCK_START, BLOCK_START))
        .isFalse();
  }

  @Test
  void sharesNotSummingToAHundredAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ChannelContingents(
                    ImmutableMap.of(Contingent.ONLINE, 70, Contingent.PHONE, 20),
                    ImmutableMap.of(),
                    60,
                    Duration.ZERO))
        .withMessageContaining("sum to 100")
        .withMessageContaining("90");
  }

  @Test
  void missingContingentsHaveNoShare() {
    ChannelContingents onlineOnly =
        new ChannelContingents(
            ImmutableMap.of(Contingent.ONLINE, 100), ImmutableMap.of(), 60, Duration.ZERO);

    assertThat(onlineOnly.shareOf(Contingent.PHONE)).isZero();
    assertThat(onlineOnly.contingentOf(SECRET, OFFICE_ID, BERLIN, ANNA, BLOCK_START))
        .isEqualTo(Contingent.ONLINE);
  }

  @Test
  void blockSizesOutsideTheListAndLongReleasesAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withBlocks(90))
        .withMessageContaining("[60, 120, 240]");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ChannelContingents(
                    RECOMMENDED.sharePercent(), ImmutableMap.of(), 60, Duration.ofDays(31)))
        .withMessageContaining("30 days");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new ChannelContingents(
                    ImmutableMap.of(Contingent.ONLINE, 120, Contingent.PHONE, -20),
                    ImmutableMap.of(),
                    60,
                    Duration.ZERO));
  }

  private static ChannelContingents withBlocks(int minutes) {
    return new ChannelContingents(
        RECOMMENDED.sharePercent(), ImmutableMap.of(), minutes, Duration.ofHours(24));
  }
}
