package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

/**
 * An office's (or a service's) fair-access rules; each absent rule is off, and {@link #none()}
 * behaves as before fair access existed: the whole horizon open, no limits.
 *
 * <p>Invariant: a lottery draws a release wave, so it needs a release policy. Immutable.
 */
public record AccessPolicy(
    Optional<ReleasePolicy> release,
    Optional<ChannelContingents> contingents,
    Optional<Quarantine> quarantine,
    Optional<IdentityLimit> identityLimit,
    Optional<HoldLimit> holdLimit,
    Optional<RescheduleLimit> rescheduleLimit,
    Optional<LotteryPolicy> lottery,
    Optional<WaitingListPolicy> waitingList,
    Optional<ChallengePolicy> challenge,
    Optional<FairAssignment> fairAssignment) {

  /**
   * The recommended release: days open at 08:00, when offices are staffed to answer questions, plus
   * up to 2 hours at random so that no bot can wait for a known second; half of a day opens 14 days
   * ahead and half 7 days ahead, so that people who cannot watch at one moment get a second chance.
   */
  public static final ReleasePolicy RECOMMENDED_RELEASE =
      new ReleasePolicy(
          LocalTime.of(8, 0),
          Duration.ofHours(2),
          ImmutableList.of(new ReleaseWave(14, 50), new ReleaseWave(7, 50)));

  /**
   * The recommended contingents: 70 % online, where most citizens book; 20 % for callers, who are
   * often the ones who cannot book online; 10 % for cases staff mark urgent; none reserved for the
   * counter, which serves walk-ins from the queue. Hour blocks fit most services; reserved time
   * that nobody claimed opens online 48 hours ahead, so it is not wasted: with 24 hours, the
   * fairness simulation (docs/FAIRNESS.md) left about 3 % of the slots unused, because citizens who
   * look once or twice a day and waiting-list offers had too little time to take them up.
   */
  public static final ChannelContingents RECOMMENDED_CONTINGENTS =
      new ChannelContingents(
          ImmutableMap.of(
              Contingent.ONLINE,
              70,
              Contingent.PHONE,
              20,
              Contingent.URGENT,
              10,
              Contingent.COUNTER,
              0),
          ImmutableMap.of(),
          60,
          Duration.ofHours(48));

  /**
   * The recommended quarantine: 15 minutes plus up to 3 hours at random, long enough that a
   * cancelled appointment cannot be handed to a waiting buyer, short enough to be rebooked the same
   * day.
   */
  public static final Quarantine RECOMMENDED_QUARANTINE =
      new Quarantine(Duration.ofMinutes(15), Duration.ofHours(3));

  /**
   * The recommended identity limit: one booking per person and service within 30 days either side.
   */
  public static final IdentityLimit RECOMMENDED_IDENTITY_LIMIT =
      new IdentityLimit(1, Duration.ofDays(30));

  /** The recommended hold limit: 3 live holds per client, enough for a family on one connection. */
  public static final HoldLimit RECOMMENDED_HOLD_LIMIT = new HoldLimit(3);

  /**
   * The recommended reschedule limit: 3 moves, enough for real changes of plan, too few to trade.
   */
  public static final RescheduleLimit RECOMMENDED_RESCHEDULE_LIMIT = new RescheduleLimit(3);

  /**
   * The recommended lottery: entries open 48 hours before a wave, so that a weekend does not
   * exclude anyone.
   */
  public static final LotteryPolicy RECOMMENDED_LOTTERY = new LotteryPolicy(Duration.ofHours(48));

  /**
   * The recommended waiting list: offers stay open 12 hours, so that people who work can answer.
   */
  public static final WaitingListPolicy RECOMMENDED_WAITING_LIST =
      new WaitingListPolicy(Duration.ofHours(12));

  /**
   * The recommended challenge: none for ordinary traffic, so that citizens are not slowed; 18 bits
   * (well under a second on a phone) once holds pass 120 a minute, rising with the rate.
   */
  public static final ChallengePolicy RECOMMENDED_CHALLENGE = new ChallengePolicy(false, 18, 120);

  /** The recommended assignment: fewest booked minutes first, everyone weighed equally. */
  public static final FairAssignment RECOMMENDED_FAIR_ASSIGNMENT = FairAssignment.equalWeights();

  private static final AccessPolicy NONE =
      new AccessPolicy(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  public AccessPolicy {
    checkNotNull(release, "release");
    checkNotNull(contingents, "contingents");
    checkNotNull(quarantine, "quarantine");
    checkNotNull(identityLimit, "identityLimit");
    checkNotNull(holdLimit, "holdLimit");
    checkNotNull(rescheduleLimit, "rescheduleLimit");
    checkNotNull(lottery, "lottery");
    checkNotNull(waitingList, "waitingList");
    checkNotNull(challenge, "challenge");
    checkNotNull(fairAssignment, "fairAssignment");
    checkArgument(
        lottery.isEmpty() || release.isPresent(),
        "a lottery draws a release wave, so it needs a release policy");
  }

  /** No rule: everything as before fair access. */
  public static AccessPolicy none() {
    return NONE;
  }

  /** Whether every rule is off. */
  public boolean isNone() {
    return equals(NONE);
  }

  /** The recommended preset, each value explained at its constant. */
  public static AccessPolicy recommended() {
    return new AccessPolicy(
        Optional.of(RECOMMENDED_RELEASE),
        Optional.of(RECOMMENDED_CONTINGENTS),
        Optional.of(RECOMMENDED_QUARANTINE),
        Optional.of(RECOMMENDED_IDENTITY_LIMIT),
        Optional.of(RECOMMENDED_HOLD_LIMIT),
        Optional.of(RECOMMENDED_RESCHEDULE_LIMIT),
        Optional.of(RECOMMENDED_LOTTERY),
        Optional.of(RECOMMENDED_WAITING_LIST),
        Optional.of(RECOMMENDED_CHALLENGE),
        Optional.of(RECOMMENDED_FAIR_ASSIGNMENT));
  }

  /** This policy with {@code rule} switched on (or replaced). */
  public AccessPolicy withRelease(ReleasePolicy rule) {
    checkNotNull(rule, "rule");
    return new AccessPolicy(
        Optional.of(rule),
        contingents,
        quarantine,
        identityLimit,
        holdLimit,
        rescheduleLimit,
        lottery,
        waitingList,
        challenge,
        fairAssignment);
  }

  /** This policy with {@code rule} switched on (or replaced). */
  public AccessPolicy withContingents(ChannelContingents rule) {
    checkNotNull(rule, "rule");
    return new AccessPolicy(
        release,
        Optional.of(rule),
        quarantine,
        identityLimit,
        holdLimit,
        rescheduleLimit,
        lottery,
        waitingList,
        challenge,
        fairAssignment);
  }

  /** This policy with {@code rule} switched on (or replaced). */
  public AccessPolicy withQuarantine(Quarantine rule) {
    checkNotNull(rule, "rule");
    return new AccessPolicy(
        release,
        contingents,
        Optional.of(rule),
        identityLimit,
        holdLimit,
        rescheduleLimit,
        lottery,
        waitingList,
        challenge,
        fairAssignment);
  }

  /** This policy with {@code rule} switched on (or replaced). */
  public AccessPolicy withIdentityLimit(IdentityLimit rule) {
    checkNotNull(rule, "rule");
    return new AccessPolicy(
        release,
        contingents,
        quarantine,
        Optional.of(rule),
        holdLimit,
        rescheduleLimit,
        lottery,
        waitingList,
        challenge,
        fairAssignment);
  }

  /** This policy with {@code rule} switched on (or replaced). */
  public AccessPolicy withHoldLimit(HoldLimit rule) {
    checkNotNull(rule, "rule");
    return new AccessPolicy(
        release,
        contingents,
        quarantine,
        identityLimit,
        Optional.of(rule),
        rescheduleLimit,
        lottery,
        waitingList,
        challenge,
        fairAssignment);
  }

  /** This policy with {@code rule} switched on (or replaced). */
  public AccessPolicy withRescheduleLimit(RescheduleLimit rule) {
    checkNotNull(rule, "rule");
    return new AccessPolicy(
        release,
        contingents,
        quarantine,
        identityLimit,
        holdLimit,
        Optional.of(rule),
        lottery,
        waitingList,
        challenge,
        fairAssignment);
  }

  /** This policy with {@code rule} switched on (or replaced). */
  public AccessPolicy withLottery(LotteryPolicy rule) {
    checkNotNull(rule, "rule");
    return new AccessPolicy(
        release,
        contingents,
        quarantine,
        identityLimit,
        holdLimit,
        rescheduleLimit,
        Optional.of(rule),
        waitingList,
        challenge,
        fairAssignment);
  }

  /** This policy with {@code rule} switched on (or replaced). */
  public AccessPolicy withWaitingList(WaitingListPolicy rule) {
    checkNotNull(rule, "rule");
    return new AccessPolicy(
        release,
        contingents,
        quarantine,
        identityLimit,
        holdLimit,
        rescheduleLimit,
        lottery,
        Optional.of(rule),
        challenge,
        fairAssignment);
  }

  /** This policy with {@code rule} switched on (or replaced). */
  public AccessPolicy withChallenge(ChallengePolicy rule) {
    checkNotNull(rule, "rule");
    return new AccessPolicy(
        release,
        contingents,
        quarantine,
        identityLimit,
        holdLimit,
        rescheduleLimit,
        lottery,
        waitingList,
        Optional.of(rule),
        fairAssignment);
  }

  /** This policy with {@code rule} switched on (or replaced). */
  public AccessPolicy withFairAssignment(FairAssignment rule) {
    checkNotNull(rule, "rule");
    return new AccessPolicy(
        release,
        contingents,
        quarantine,
        identityLimit,
        holdLimit,
        rescheduleLimit,
        lottery,
        waitingList,
        challenge,
        Optional.of(rule));
  }
}
