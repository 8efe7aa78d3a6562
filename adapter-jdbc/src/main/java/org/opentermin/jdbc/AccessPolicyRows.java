package org.opentermin.jdbc;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.ChallengePolicy;
import org.opentermin.core.fairness.ChannelContingents;
import org.opentermin.core.fairness.Contingent;
import org.opentermin.core.fairness.FairAssignment;
import org.opentermin.core.fairness.HoldLimit;
import org.opentermin.core.fairness.IdentityLimit;
import org.opentermin.core.fairness.LotteryPolicy;
import org.opentermin.core.fairness.Quarantine;
import org.opentermin.core.fairness.ReleasePolicy;
import org.opentermin.core.fairness.ReleaseWave;
import org.opentermin.core.fairness.RescheduleLimit;
import org.opentermin.core.fairness.WaitingListPolicy;
import org.opentermin.jdbc.AccessPolicySql.PolicyRow;

/**
 * Turns an {@link AccessPolicy} into a row of access_policies and back, so that the policy reads
 * back equal to what was saved: durations as exact seconds with nine decimals, a time of day as
 * {@code time} (microseconds) plus the nanoseconds below, maps as parallel arrays sorted by key.
 */
final class AccessPolicyRows {

  private static final int NANOS_PER_MICRO = 1_000;

  private AccessPolicyRows() {}

  static PolicyRow row(String serviceId, AccessPolicy policy) {
    Optional<ReleasePolicy> release = policy.release();
    Optional<ChannelContingents> contingents = policy.contingents();
    Optional<Quarantine> quarantine = policy.quarantine();
    Optional<IdentityLimit> identity = policy.identityLimit();
    Optional<ChallengePolicy> challenge = policy.challenge();
    Optional<FairAssignment> fair = policy.fairAssignment();
    ImmutableList<Map.Entry<ResourceId, Contingent>> dedicated =
        contingents.map(rule -> sortedByResource(rule.dedicated())).orElse(ImmutableList.of());
    ImmutableList<Map.Entry<ResourceId, Integer>> weights =
        fair.map(rule -> sortedByResource(rule.weightPercent())).orElse(ImmutableList.of());
    return new PolicyRow(
        serviceId,
        release.map(rule -> rule.opensAt().truncatedTo(ChronoUnit.MICROS)).orElse(null),
        release.map(rule -> rule.opensAt().getNano() % NANOS_PER_MICRO).orElse(null),
        release.map(rule -> seconds(rule.randomWindow())).orElse(null),
        release
            .map(rule -> rule.waves().stream().map(ReleaseWave::daysBefore).toArray(Integer[]::new))
            .orElse(null),
        release
            .map(
                rule ->
                    rule.waves().stream().map(ReleaseWave::sharePercent).toArray(Integer[]::new))
            .orElse(null),
        contingents.map(ChannelContingents::blockMinutes).orElse(null),
        contingents.map(rule -> rule.sharePercent().get(Contingent.ONLINE)).orElse(null),
        contingents.map(rule -> rule.sharePercent().get(Contingent.PHONE)).orElse(null),
        contingents.map(rule -> rule.sharePercent().get(Contingent.COUNTER)).orElse(null),
        contingents.map(rule -> rule.sharePercent().get(Contingent.URGENT)).orElse(null),
        contingents
            .map(
                rule ->
                    dedicated.stream().map(entry -> entry.getKey().value()).toArray(String[]::new))
            .orElse(null),
        contingents
            .map(
                rule ->
                    dedicated.stream().map(entry -> entry.getValue().name()).toArray(String[]::new))
            .orElse(null),
        contingents.map(rule -> seconds(rule.releaseToOnlineBefore())).orElse(null),
        quarantine.map(rule -> seconds(rule.delay())).orElse(null),
        quarantine.map(rule -> seconds(rule.randomWindow())).orElse(null),
        identity.map(IdentityLimit::maxBookings).orElse(null),
        identity.map(rule -> seconds(rule.period())).orElse(null),
        policy.holdLimit().map(HoldLimit::maxLiveHoldsPerClient).orElse(null),
        policy.rescheduleLimit().map(RescheduleLimit::maxReschedules).orElse(null),
        policy.lottery().map(rule -> seconds(rule.entryWindow())).orElse(null),
        policy.waitingList().map(rule -> seconds(rule.offerExpiry())).orElse(null),
        challenge.map(ChallengePolicy::always).orElse(null),
        challenge.map(ChallengePolicy::difficultyBits).orElse(null),
        challenge.map(ChallengePolicy::holdsPerMinuteThreshold).orElse(null),
        fair.isPresent(),
        fair.map(
                rule ->
                    weights.stream().map(entry -> entry.getKey().value()).toArray(String[]::new))
            .orElse(null),
        fair.map(rule -> weights.stream().map(Map.Entry::getValue).toArray(Integer[]::new))
            .orElse(null));
  }

  static AccessPolicy policy(PolicyRow row) {
    return new AccessPolicy(
        release(row),
        contingents(row),
        Optional.ofNullable(row.quarantineDelaySeconds())
            .map(
                delay ->
                    new Quarantine(duration(delay), duration(row.quarantineRandomWindowSeconds()))),
        Optional.ofNullable(row.identityMaxBookings())
            .map(max -> new IdentityLimit(max, duration(row.identityPeriodSeconds()))),
        Optional.ofNullable(row.holdMaxLivePerClient()).map(HoldLimit::new),
        Optional.ofNullable(row.rescheduleMax()).map(RescheduleLimit::new),
        Optional.ofNullable(row.lotteryEntryWindowSeconds())
            .map(window -> new LotteryPolicy(duration(window))),
        Optional.ofNullable(row.waitingListOfferExpirySeconds())
            .map(expiry -> new WaitingListPolicy(duration(expiry))),
        Optional.ofNullable(row.challengeAlways())
            .map(
                always ->
                    new ChallengePolicy(
                        always, row.challengeDifficultyBits(), row.challengeHoldsPerMinute())),
        fairAssignment(row));
  }

  private static Optional<ReleasePolicy> release(PolicyRow row) {
    if (row.releaseOpensAt() == null) {
      return Optional.empty();
    }
    ImmutableList.Builder<ReleaseWave> waves = ImmutableList.builder();
    for (int i = 0; i < row.releaseDaysBefore().length; i++) {
      waves.add(new ReleaseWave(row.releaseDaysBefore()[i], row.releaseSharePercent()[i]));
    }
    LocalTime opensAt = row.releaseOpensAt().plusNanos(row.releaseOpensAtNanos());
    return Optional.of(
        new ReleasePolicy(opensAt, duration(row.releaseRandomWindowSeconds()), waves.build()));
  }

  private static Optional<ChannelContingents> contingents(PolicyRow row) {
    if (row.contingentBlockMinutes() == null) {
      return Optional.empty();
    }
    // Only the shares the rule listed: a listed 0 and an unlisted contingent differ in equals().
    ImmutableMap.Builder<Contingent, Integer> shares = ImmutableMap.builder();
    putIfListed(shares, Contingent.ONLINE, row.contingentOnlinePercent());
    putIfListed(shares, Contingent.PHONE, row.contingentPhonePercent());
    putIfListed(shares, Contingent.COUNTER, row.contingentCounterPercent());
    putIfListed(shares, Contingent.URGENT, row.contingentUrgentPercent());
    ImmutableMap.Builder<ResourceId, Contingent> dedicated = ImmutableMap.builder();
    for (int i = 0; i < row.contingentDedicatedResources().length; i++) {
      dedicated.put(
          ResourceId.of(row.contingentDedicatedResources()[i]),
          Contingent.valueOf(row.contingentDedicatedTo()[i]));
    }
    return Optional.of(
        new ChannelContingents(
            shares.build(),
            dedicated.build(),
            row.contingentBlockMinutes(),
            duration(row.contingentReleaseToOnlineBeforeSeconds())));
  }

  private static Optional<FairAssignment> fairAssignment(PolicyRow row) {
    if (!row.fairAssignment()) {
      return Optional.empty();
    }
    ImmutableMap.Builder<ResourceId, Integer> weights = ImmutableMap.builder();
    for (int i = 0; i < row.fairAssignmentResources().length; i++) {
      weights.put(
          ResourceId.of(row.fairAssignmentResources()[i]), row.fairAssignmentWeightPercent()[i]);
    }
    return Optional.of(new FairAssignment(weights.build()));
  }

  private static void putIfListed(
      ImmutableMap.Builder<Contingent, Integer> shares, Contingent contingent, Integer share) {
    if (share != null) {
      shares.put(contingent, share);
    }
  }

  private static <V> ImmutableList<Map.Entry<ResourceId, V>> sortedByResource(
      Map<ResourceId, V> map) {
    return map.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Exact: every rule's durations are non-negative and far below the 292 years a long of
   * nanoseconds holds.
   */
  private static BigDecimal seconds(Duration duration) {
    return BigDecimal.valueOf(duration.toNanos(), 9);
  }

  private static Duration duration(BigDecimal seconds) {
    return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
  }
}
