package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.core.fairness.FairnessFixtures.ANNA;
import static org.opentermin.core.fairness.FairnessFixtures.BERLIN;
import static org.opentermin.core.fairness.FairnessFixtures.BERND;
import static org.opentermin.core.fairness.FairnessFixtures.OFFICE_ID;
import static org.opentermin.core.fairness.FairnessFixtures.SECRET;
import static org.opentermin.core.fairness.FairnessFixtures.office;
import static org.opentermin.core.fairness.FairnessFixtures.only;

import com.google.common.collect.ImmutableList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentermin.core.availability.BusyPeriod;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ResourceId;

class LotteryDrawGraceTest {

  private static final ReleasePolicy TWO_WAVES =
      new ReleasePolicy(
          LocalTime.of(8, 0),
          Duration.ofHours(2),
          ImmutableList.of(new ReleaseWave(14, 50), new ReleaseWave(7, 50)));
  private static final AccessPolicy RELEASE_ONLY = only(TWO_WAVES);
  private static final AccessPolicy WITH_LOTTERY =
      RELEASE_ONLY.withLottery(new LotteryPolicy(Duration.ofHours(48)));
  private static final LocalDate DAY = LocalDate.of(2027, 6, 14);
  private static final Instant FROM = DAY.atStartOfDay(BERLIN).toInstant();
  private static final Instant TO = DAY.plusDays(1).atStartOfDay(BERLIN).toInstant();
  private static final List<ResourceId> BOTH = ImmutableList.of(ANNA, BERND);

  private static ClosedCapacity closed(AccessPolicy policy, Instant now) {
    return ClosedCapacity.of(
        policy, SECRET, office(30), BOTH, FROM, TO, Channel.ONLINE, false, List.of(), now);
  }

  @Test
  void drawGraceIsFifteenMinutes() {
    assertThat(LotteryPolicy.DRAW_GRACE).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void withALotteryEveryCellOpensToEveryoneOnlyTheDrawGraceAfterItsWave() {
    Instant longBefore = FROM.minus(Duration.ofDays(30));

    ClosedCapacity withoutLottery = closed(RELEASE_ONLY, longBefore);
    ClosedCapacity withLottery = closed(WITH_LOTTERY, longBefore);

    assertThat(withoutLottery.byRelease()).isNotEmpty();
    assertThat(withLottery.byRelease()).hasSameSizeAs(withoutLottery.byRelease());
    for (int i = 0; i < withLottery.byRelease().size(); i++) {
      BusyPeriod plain = withoutLottery.byRelease().get(i);
      BusyPeriod drawn = withLottery.byRelease().get(i);
      assertThat(drawn.start()).isEqualTo(plain.start());
      assertThat(drawn.end()).isEqualTo(plain.end());
      assertThat(drawn.expiresAt()).isEqualTo(plain.expiresAt().plus(LotteryPolicy.DRAW_GRACE));
    }
  }

  @Test
  void capacityStaysClosedFromTheOpeningUntilTheGraceHasPassed() {
    Instant lastWaveOpens = TWO_WAVES.dayFullyOpenAt(SECRET, OFFICE_ID, BERLIN, DAY);

    assertThat(closed(RELEASE_ONLY, lastWaveOpens).byRelease())
        .as("without a lottery the day is open")
        .isEmpty();
    assertThat(closed(WITH_LOTTERY, lastWaveOpens).byRelease()).as("at the draw").isNotEmpty();
    assertThat(
            closed(WITH_LOTTERY, lastWaveOpens.plus(LotteryPolicy.DRAW_GRACE).minusMillis(1))
                .byRelease())
        .as("just before the grace ends")
        .isNotEmpty()
        .allSatisfy(
            period ->
                assertThat(period.expiresAt())
                    .isEqualTo(lastWaveOpens.plus(LotteryPolicy.DRAW_GRACE)));
    assertThat(closed(WITH_LOTTERY, lastWaveOpens.plus(LotteryPolicy.DRAW_GRACE)).byRelease())
        .as("once the grace has passed")
        .isEmpty();
  }

  @Test
  void drawGraceDoesNotCloseAnythingForStaff() {
    assertThat(
            ClosedCapacity.of(
                    WITH_LOTTERY,
                    SECRET,
                    office(30),
                    BOTH,
                    FROM,
                    TO,
                    Channel.PHONE,
                    false,
                    List.of(),
                    FROM.minus(Duration.ofDays(30)))
                .byRelease())
        .isEmpty();
  }
}
