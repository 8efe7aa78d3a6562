package org.opentermin.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opentermin.core.fairness.FairnessFixtures.BERLIN;
import static org.opentermin.core.fairness.FairnessFixtures.OFFICE_ID;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.opentermin.core.availability.BusyPeriod;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ResourceId;

/** Whatever the shares, the secret and the moment: no channel is let into another's blocks. */
class ContingentProperties {

  /** 2027-01-01 to 2028-01-01, DST changes included. */
  private static final long YEAR_START = Instant.parse("2027-01-01T00:00:00Z").getEpochSecond();

  @Provide
  Arbitrary<ChannelContingents> contingents() {
    Arbitrary<int[]> shares =
        Arbitraries.integers()
            .between(0, 100)
            .array(int[].class)
            .ofSize(3)
            .map(
                cuts -> {
                  int[] sorted = cuts.clone();
                  Arrays.sort(sorted);
                  return new int[] {
                    sorted[0], sorted[1] - sorted[0], sorted[2] - sorted[1], 100 - sorted[2]
                  };
                });
    return Combinators.combine(
            shares,
            Arbitraries.of(ChannelContingents.BLOCK_SIZES),
            Arbitraries.integers().between(0, 72))
        .as(
            (share, minutes, releaseHours) -> {
              ImmutableMap.Builder<Contingent, Integer> map = ImmutableMap.builder();
              Contingent[] all = Contingent.values();
              for (int i = 0; i < all.length; i++) {
                map.put(all[i], share[i]);
              }
              return new ChannelContingents(
                  map.buildOrThrow(), ImmutableMap.of(), minutes, Duration.ofHours(releaseHours));
            });
  }

  @Property(tries = 300)
  void noChannelIsLetIntoAnotherContingentsBlocks(
      @ForAll("contingents") ChannelContingents contingents,
      @ForAll long secretHigh,
      @ForAll long secretLow,
      @ForAll Channel channel,
      @ForAll boolean urgent,
      @ForAll @LongRange(min = 0, max = 365L * 24 * 3600) long fromOffset,
      @ForAll @IntRange(min = 1, max = 72) int hours,
      @ForAll @LongRange(min = -5L * 24 * 3600, max = 5L * 24 * 3600) long nowOffset) {
    FairnessSecret secret = new FairnessSecret(secretHigh, secretLow);
    Instant from = Instant.ofEpochSecond(YEAR_START + fromOffset);
    Instant to = from.plus(Duration.ofHours(hours));
    Instant now = from.plusSeconds(nowOffset);
    List<ResourceId> resources = ImmutableList.of(ResourceId.of("anna"), ResourceId.of("bernd"));

    ClosedCapacity closed =
        ClosedCapacity.of(
            FairnessFixtures.only(contingents),
            secret,
            FairnessFixtures.office(10),
            resources,
            from,
            to,
            channel,
            urgent,
            ImmutableList.of(),
            now);

    for (ResourceId resource : resources) {
      for (TimeWindow block = contingents.blockAt(BERLIN, from);
          block.start().isBefore(to);
          block = contingents.blockAt(BERLIN, block.end())) {
        Contingent owner =
            contingents.contingentOf(secret, OFFICE_ID, BERLIN, resource, block.start());
        boolean open = !coveredAt(closed.byContingents(), resource, block, now);
        boolean releasedToOnline =
            channel == Channel.ONLINE
                && (owner == Contingent.PHONE || owner == Contingent.URGENT)
                && !now.isBefore(block.start().minus(contingents.releaseToOnlineBefore()));
        boolean urgentStaff = owner == Contingent.URGENT && urgent && channel != Channel.ONLINE;
        boolean allowed = owner == Contingent.of(channel) || releasedToOnline || urgentStaff;

        assertThat(open)
            .as("block %s of %s owned by %s for %s", block, resource, owner, channel)
            .isEqualTo(allowed);
        if (owner == Contingent.URGENT
            && channel == Channel.ONLINE
            && now.isBefore(block.start().minus(contingents.releaseToOnlineBefore()))) {
          assertThat(open).as("urgent block open to citizens before its release").isFalse();
        }
      }
    }
    for (BusyPeriod period : closed.byContingents()) {
      assertThat(period.isActiveAt(now)).isTrue();
    }
  }

  private static boolean coveredAt(
      List<BusyPeriod> periods, ResourceId resource, TimeWindow block, Instant now) {
    return periods.stream()
        .anyMatch(
            period ->
                period.resource().equals(resource)
                    && period.isActiveAt(now)
                    && !period.start().isAfter(block.start())
                    && !period.end().isBefore(block.end()));
  }

  @Property(tries = 50)
  void uuidSecretsDecideLikeTheirParts(@ForAll long high, @ForAll long low) {
    FairnessSecret secret = new FairnessSecret(high, low);
    assertThat(FairnessSecret.of(new UUID(high, low))).isEqualTo(secret);
    assertThat(FairnessSecret.of(secret.toUuid()).hash("x", 1)).isEqualTo(secret.hash("x", 1));
  }
}
