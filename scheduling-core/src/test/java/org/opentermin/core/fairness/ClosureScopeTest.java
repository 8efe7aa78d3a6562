package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.core.fairness.FairnessFixtures.ANNA;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opentermin.core.availability.BusyPeriod;

class ClosureScopeTest {

  private static final Instant NOW = Instant.parse("2027-03-01T07:50:00Z");
  private static final Instant NINE = Instant.parse("2027-03-08T09:00:00Z");

  /** Released within the draw's grace: the wave the lottery draws now. */
  private static final BusyPeriod DRAWN_WAVE =
      BusyPeriod.hold(
          ANNA, NINE, NINE.plus(Duration.ofMinutes(15)), NOW.plus(Duration.ofMinutes(10)));

  /** Released a day later: a wave that is not drawn yet. */
  private static final BusyPeriod LATER_WAVE =
      BusyPeriod.hold(
          ANNA,
          NINE.plus(Duration.ofHours(1)),
          NINE.plus(Duration.ofMinutes(75)),
          NOW.plus(Duration.ofDays(1)));

  private static final BusyPeriod CONTINGENT =
      BusyPeriod.booking(ANNA, NINE.plus(Duration.ofHours(2)), NINE.plus(Duration.ofHours(3)));
  private static final BusyPeriod QUARANTINE =
      BusyPeriod.hold(
          ANNA,
          NINE.plus(Duration.ofHours(4)),
          NINE.plus(Duration.ofMinutes(255)),
          NOW.plus(Duration.ofHours(1)));
  private static final ClosedCapacity CLOSED =
      new ClosedCapacity(
          ImmutableList.of(DRAWN_WAVE, LATER_WAVE),
          ImmutableList.of(CONTINGENT),
          ImmutableList.of(QUARANTINE));

  @Test
  void citizensAndStaffRespectEveryClosure() {
    assertThat(ClosureScope.ALL.select(CLOSED, NOW))
        .containsExactlyInAnyOrder(DRAWN_WAVE, LATER_WAVE, CONTINGENT, QUARANTINE);
  }

  @Test
  void lotteryDrawBooksItsOwnWaveButNoLaterOne() {
    assertThat(ClosureScope.DRAWN_WAVE.select(CLOSED, NOW))
        .containsExactlyInAnyOrder(LATER_WAVE, CONTINGENT, QUARANTINE);
  }

  @Test
  void waveReleasedJustAfterTheGraceStaysClosedToTheDraw() {
    BusyPeriod justBeyond =
        BusyPeriod.hold(
            ANNA,
            NINE,
            NINE.plus(Duration.ofMinutes(15)),
            NOW.plus(LotteryPolicy.DRAW_GRACE).plusSeconds(1));
    ClosedCapacity closed =
        new ClosedCapacity(ImmutableList.of(justBeyond), ImmutableList.of(), ImmutableList.of());

    assertThat(ClosureScope.DRAWN_WAVE.select(closed, NOW)).containsExactly(justBeyond);
  }

  @Test
  void onlyEveryonesHoldsKeepCancelledTimeInQuarantine() {
    assertThat(ClosureScope.ALL.keepsQuarantine()).isTrue();
    assertThat(ClosureScope.NO_QUARANTINE.keepsQuarantine()).isFalse();
    assertThat(ClosureScope.DRAWN_WAVE.keepsQuarantine()).isFalse();
  }
}
