package org.opentermin.http.fairness;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.fairness.AccessPolicies;
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
import org.opentermin.http.common.CommonRequests;
import org.opentermin.http.common.DomainInput;

/**
 * An access policy as JSON, one shape for requests and answers: each rule an optional member, a
 * missing or null one is off. Durations are whole minutes, hours or days, named by their unit; each
 * unit is one in which every value the API accepts and every preset of the core is whole, so that a
 * policy reads back exactly as it was written. Annotations check the shape; the core's records
 * check the rest when {@link #toDomain()} builds them, blamed on the rule's member. The office's
 * secret has no place here.
 */
record AccessPolicyJson(
    @Valid ReleaseRule release,
    @Valid ContingentsRule contingents,
    @Valid QuarantineRule quarantine,
    @Valid IdentityLimitRule identityLimit,
    @Valid HoldLimitRule holdLimit,
    @Valid RescheduleLimitRule rescheduleLimit,
    @Valid LotteryRule lottery,
    @Valid WaitingListRule waitingList,
    @Valid ChallengeRule challenge,
    @Valid FairAssignmentRule fairAssignment) {

  /**
   * ReleaseRule waves: day D's wave opens {@code daysBefore} days ahead at {@code opensAt} plus a
   * random part of the window.
   */
  record ReleaseRule(
      @NotNull LocalTime opensAt,
      @NotNull Integer randomWindowMinutes,
      @NotEmpty @Size(max = ReleasePolicy.MAXIMUM_WAVES) List<@NotNull @Valid Wave> waves) {}

  record Wave(@NotNull Integer daysBefore, @NotNull Integer sharePercent) {}

  /**
   * Capacity blocks per channel; {@code dedicatedResources} gives whole resources to one
   * contingent.
   */
  record ContingentsRule(
      @NotEmpty Map<@NotNull Contingent, @NotNull Integer> sharePercent,
      @Size(max = 1000)
          Map<
                  @NotNull @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
                  String,
                  @NotNull Contingent>
              dedicatedResources,
      @NotNull Integer blockMinutes,
      @NotNull Integer releaseToOnlineHours) {}

  record QuarantineRule(@NotNull Integer delayMinutes, @NotNull Integer randomWindowMinutes) {}

  record IdentityLimitRule(@NotNull Integer maxBookings, @NotNull Integer periodDays) {}

  record HoldLimitRule(@NotNull Integer maxLiveHoldsPerClient) {}

  record RescheduleLimitRule(@NotNull Integer maxReschedules) {}

  record LotteryRule(@NotNull Integer entryWindowHours) {}

  record WaitingListRule(@NotNull Integer offerExpiryMinutes) {}

  record ChallengeRule(
      @NotNull Boolean always,
      @NotNull Integer difficultyBits,
      @NotNull Integer holdsPerMinuteThreshold) {}

  record FairAssignmentRule(
      @Size(max = 1000)
          Map<
                  @NotNull @Pattern(regexp = CommonRequests.ID, message = CommonRequests.ID_MESSAGE)
                  String,
                  @NotNull Integer>
              weightPercent) {}

  /**
   * An office's policies as the API shows them: its own and each service's that replaces it; never
   * the secret.
   */
  record PoliciesView(AccessPolicyJson office, Map<String, AccessPolicyJson> services) {

    static PoliciesView of(AccessPolicies policies) {
      Map<String, AccessPolicyJson> services = new TreeMap<>();
      policies
          .services()
          .forEach((service, policy) -> services.put(service.value(), AccessPolicyJson.of(policy)));
      return new PoliciesView(AccessPolicyJson.of(policies.office()), services);
    }

    /**
     * What anyone may read: the rules without what they say about single caseworkers (who serves
     * only one channel, who works part time through a lower weight).
     */
    PoliciesView withoutStaffDetails() {
      Map<String, AccessPolicyJson> services = new TreeMap<>();
      this.services.forEach(
          (service, policy) -> services.put(service, policy.withoutStaffDetails()));
      return new PoliciesView(office.withoutStaffDetails(), services);
    }
  }

  private AccessPolicyJson withoutStaffDetails() {
    ContingentsRule shares =
        contingents == null
            ? null
            : new ContingentsRule(
                contingents.sharePercent(),
                null,
                contingents.blockMinutes(),
                contingents.releaseToOnlineHours());
    FairAssignmentRule assignment = fairAssignment == null ? null : new FairAssignmentRule(null);
    return new AccessPolicyJson(
        release,
        shares,
        quarantine,
        identityLimit,
        holdLimit,
        rescheduleLimit,
        lottery,
        waitingList,
        challenge,
        assignment);
  }

  /** The policy as JSON. */
  static AccessPolicyJson of(AccessPolicy policy) {
    return new AccessPolicyJson(
        policy.release().map(AccessPolicyJson::release).orElse(null),
        policy.contingents().map(AccessPolicyJson::contingents).orElse(null),
        policy
            .quarantine()
            .map(
                rule ->
                    new QuarantineRule(
                        whole(rule.delay(), Duration.ofMinutes(1)),
                        whole(rule.randomWindow(), Duration.ofMinutes(1))))
            .orElse(null),
        policy
            .identityLimit()
            .map(
                rule ->
                    new IdentityLimitRule(
                        rule.maxBookings(), whole(rule.period(), Duration.ofDays(1))))
            .orElse(null),
        policy
            .holdLimit()
            .map(rule -> new HoldLimitRule(rule.maxLiveHoldsPerClient()))
            .orElse(null),
        policy
            .rescheduleLimit()
            .map(rule -> new RescheduleLimitRule(rule.maxReschedules()))
            .orElse(null),
        policy
            .lottery()
            .map(rule -> new LotteryRule(whole(rule.entryWindow(), Duration.ofHours(1))))
            .orElse(null),
        policy
            .waitingList()
            .map(rule -> new WaitingListRule(whole(rule.offerExpiry(), Duration.ofMinutes(1))))
            .orElse(null),
        policy
            .challenge()
            .map(
                rule ->
                    new ChallengeRule(
                        rule.always(), rule.difficultyBits(), rule.holdsPerMinuteThreshold()))
            .orElse(null),
        policy
            .fairAssignment()
            .map(
                rule ->
                    new FairAssignmentRule(byResource(rule.weightPercent(), Function.identity())))
            .orElse(null));
  }

  private static ReleaseRule release(ReleasePolicy rule) {
    return new ReleaseRule(
        rule.opensAt(),
        whole(rule.randomWindow(), Duration.ofMinutes(1)),
        rule.waves().stream()
            .map(wave -> new Wave(wave.daysBefore(), wave.sharePercent()))
            .toList());
  }

  private static ContingentsRule contingents(ChannelContingents rule) {
    return new ContingentsRule(
        new EnumMap<>(rule.sharePercent()),
        byResource(rule.dedicated(), Function.identity()),
        rule.blockMinutes(),
        whole(rule.releaseToOnlineBefore(), Duration.ofHours(1)));
  }

  /**
   * The domain policy; a 422 problem naming the rule whose values the core refuses. Called only on
   * a validated body, so required members are present.
   */
  AccessPolicy toDomain() {
    Optional<ReleasePolicy> release =
        Optional.ofNullable(this.release)
            .map(
                rule -> {
                  if (rule.opensAt().getSecond() != 0 || rule.opensAt().getNano() != 0) {
                    throw DomainInput.invalid(
                        "release.opensAt", "must be a time of day in whole minutes, HH:MM");
                  }
                  ImmutableList<ReleaseWave> waves =
                      IntStream.range(0, rule.waves().size())
                          .mapToObj(
                              index -> {
                                Wave wave = rule.waves().get(index);
                                return DomainInput.build(
                                    "release.waves[" + index + "]",
                                    () -> new ReleaseWave(wave.daysBefore(), wave.sharePercent()));
                              })
                          .collect(ImmutableList.toImmutableList());
                  return DomainInput.build(
                      "release",
                      () ->
                          new ReleasePolicy(
                              rule.opensAt(), minutes(rule.randomWindowMinutes()), waves));
                });
    Optional<ChannelContingents> contingents =
        Optional.ofNullable(this.contingents)
            .map(
                rule ->
                    DomainInput.build(
                        "contingents",
                        () ->
                            new ChannelContingents(
                                ImmutableMap.copyOf(rule.sharePercent()),
                                Optional.ofNullable(rule.dedicatedResources())
                                    .orElse(Map.of())
                                    .entrySet()
                                    .stream()
                                    .collect(
                                        ImmutableMap.toImmutableMap(
                                            entry -> ResourceId.of(entry.getKey()),
                                            Map.Entry::getValue)),
                                rule.blockMinutes(),
                                hours(rule.releaseToOnlineHours()))));
    Optional<Quarantine> quarantine =
        Optional.ofNullable(this.quarantine)
            .map(
                rule ->
                    DomainInput.build(
                        "quarantine",
                        () ->
                            new Quarantine(
                                minutes(rule.delayMinutes()),
                                minutes(rule.randomWindowMinutes()))));
    Optional<IdentityLimit> identityLimit =
        Optional.ofNullable(this.identityLimit)
            .map(
                rule ->
                    DomainInput.build(
                        "identityLimit",
                        () -> new IdentityLimit(rule.maxBookings(), days(rule.periodDays()))));
    Optional<HoldLimit> holdLimit =
        Optional.ofNullable(this.holdLimit)
            .map(
                rule ->
                    DomainInput.build(
                        "holdLimit", () -> new HoldLimit(rule.maxLiveHoldsPerClient())));
    Optional<RescheduleLimit> rescheduleLimit =
        Optional.ofNullable(this.rescheduleLimit)
            .map(
                rule ->
                    DomainInput.build(
                        "rescheduleLimit", () -> new RescheduleLimit(rule.maxReschedules())));
    Optional<LotteryPolicy> lottery =
        Optional.ofNullable(this.lottery)
            .map(
                rule ->
                    DomainInput.build(
                        "lottery", () -> new LotteryPolicy(hours(rule.entryWindowHours()))));
    Optional<WaitingListPolicy> waitingList =
        Optional.ofNullable(this.waitingList)
            .map(
                rule ->
                    DomainInput.build(
                        "waitingList",
                        () -> new WaitingListPolicy(minutes(rule.offerExpiryMinutes()))));
    Optional<ChallengePolicy> challenge =
        Optional.ofNullable(this.challenge)
            .map(
                rule ->
                    DomainInput.build(
                        "challenge",
                        () ->
                            new ChallengePolicy(
                                rule.always(),
                                rule.difficultyBits(),
                                rule.holdsPerMinuteThreshold())));
    Optional<FairAssignment> fairAssignment =
        Optional.ofNullable(this.fairAssignment)
            .map(
                rule ->
                    DomainInput.build(
                        "fairAssignment",
                        () ->
                            new FairAssignment(
                                Optional.ofNullable(rule.weightPercent())
                                    .orElse(Map.of())
                                    .entrySet()
                                    .stream()
                                    .collect(
                                        ImmutableMap.toImmutableMap(
                                            entry -> ResourceId.of(entry.getKey()),
                                            Map.Entry::getValue)))));
    // The lottery needs a release; that invariant is the lottery's to report.
    return DomainInput.build(
        "lottery",
        () ->
            new AccessPolicy(
                release,
                contingents,
                quarantine,
                identityLimit,
                holdLimit,
                rescheduleLimit,
                lottery,
                waitingList,
                challenge,
                fairAssignment));
  }

  /**
   * {@code duration} in whole {@code unit}s. Every policy the API or a core preset makes is whole
   * in the units chosen here; a policy an embedding application made with a finer value is shown
   * rounded up (never as an error: reading the rules must not fail), which saving it back through
   * the API then makes exact.
   */
  private static int whole(Duration duration, Duration unit) {
    long units = duration.dividedBy(unit);
    return Math.toIntExact(duration.equals(unit.multipliedBy(units)) ? units : units + 1);
  }

  /** By resource id, or null (omitted) when empty, as a request that leaves the member out. */
  private static <V, T> Map<String, T> byResource(Map<ResourceId, V> values, Function<V, T> view) {
    if (values.isEmpty()) {
      return null;
    }
    Map<String, T> byId = new TreeMap<>();
    values.forEach((resource, value) -> byId.put(resource.value(), view.apply(value)));
    return byId;
  }

  // Any int of minutes, hours or days fits a Duration; the core's ranges refuse what is too long.
  private static Duration minutes(int value) {
    return Duration.ofMinutes(value);
  }

  private static Duration hours(int value) {
    return Duration.ofHours(value);
  }

  private static Duration days(int value) {
    return Duration.ofDays(value);
  }
}
