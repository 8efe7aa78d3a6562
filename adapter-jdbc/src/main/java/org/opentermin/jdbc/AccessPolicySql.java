package org.opentermin.jdbc;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The SQL of offices' and services' fair-access policies (access_policies), each statement next to
 * the method that runs it on a handle; {@link AccessPolicyRows} turns the rows into policies.
 */
final class AccessPolicySql {

  private AccessPolicySql() {}

  /**
   * One row of access_policies, column by column (see V4__fair_access.sql); serviceId is '' for the
   * office's own policy, and a rule's columns are null while it is off.
   */
  record PolicyRow(
      String serviceId,
      LocalTime releaseOpensAt,
      Integer releaseOpensAtNanos,
      BigDecimal releaseRandomWindowSeconds,
      Integer[] releaseDaysBefore,
      Integer[] releaseSharePercent,
      Integer contingentBlockMinutes,
      Integer contingentOnlinePercent,
      Integer contingentPhonePercent,
      Integer contingentCounterPercent,
      Integer contingentUrgentPercent,
      String[] contingentDedicatedResources,
      String[] contingentDedicatedTo,
      BigDecimal contingentReleaseToOnlineBeforeSeconds,
      BigDecimal quarantineDelaySeconds,
      BigDecimal quarantineRandomWindowSeconds,
      Integer identityMaxBookings,
      BigDecimal identityPeriodSeconds,
      Integer holdMaxLivePerClient,
      Integer rescheduleMax,
      BigDecimal lotteryEntryWindowSeconds,
      BigDecimal waitingListOfferExpirySeconds,
      Boolean challengeAlways,
      Integer challengeDifficultyBits,
      Integer challengeHoldsPerMinute,
      boolean fairAssignment,
      String[] fairAssignmentResources,
      Integer[] fairAssignmentWeightPercent) {}

  static List<PolicyRow> accessPolicies(Handle handle, String officeId) {
    return handle
        .createQuery(
            "SELECT * FROM access_policies WHERE office_id = :officeId ORDER BY service_id")
        .bind("officeId", officeId)
        .mapTo(PolicyRow.class)
        .list();
  }

  static void deleteAccessPolicy(Handle handle, String officeId, String serviceId) {
    handle
        .createUpdate(
            "DELETE FROM access_policies WHERE office_id = :officeId AND service_id = :serviceId")
        .bind("officeId", officeId)
        .bind("serviceId", serviceId)
        .execute();
  }

  static void insertAccessPolicy(Handle handle, String officeId, PolicyRow policy) {
    handle
        .createUpdate(
            """
            INSERT INTO access_policies (
              office_id, service_id,
              release_opens_at, release_opens_at_nanos, release_random_window_seconds,
              release_days_before, release_share_percent,
              contingent_block_minutes, contingent_online_percent, contingent_phone_percent,
              contingent_counter_percent, contingent_urgent_percent,
              contingent_dedicated_resources, contingent_dedicated_to,
              contingent_release_to_online_before_seconds,
              quarantine_delay_seconds, quarantine_random_window_seconds,
              identity_max_bookings, identity_period_seconds,
              hold_max_live_per_client, reschedule_max,
              lottery_entry_window_seconds, waiting_list_offer_expiry_seconds,
              challenge_always, challenge_difficulty_bits, challenge_holds_per_minute,
              fair_assignment, fair_assignment_resources, fair_assignment_weight_percent)
            VALUES (
              :officeId, :serviceId,
              CAST(:releaseOpensAt AS time), CAST(:releaseOpensAtNanos AS integer), CAST(:releaseRandomWindowSeconds AS numeric),
              CAST(:releaseDaysBefore AS integer[]), CAST(:releaseSharePercent AS integer[]),
              CAST(:contingentBlockMinutes AS integer), CAST(:contingentOnlinePercent AS integer),
              CAST(:contingentPhonePercent AS integer),
              CAST(:contingentCounterPercent AS integer), CAST(:contingentUrgentPercent AS integer),
              CAST(:contingentDedicatedResources AS text[]), CAST(:contingentDedicatedTo AS text[]),
              CAST(:contingentReleaseToOnlineBeforeSeconds AS numeric),
              CAST(:quarantineDelaySeconds AS numeric), CAST(:quarantineRandomWindowSeconds AS numeric),
              CAST(:identityMaxBookings AS integer), CAST(:identityPeriodSeconds AS numeric),
              CAST(:holdMaxLivePerClient AS integer), CAST(:rescheduleMax AS integer),
              CAST(:lotteryEntryWindowSeconds AS numeric), CAST(:waitingListOfferExpirySeconds AS numeric),
              CAST(:challengeAlways AS boolean), CAST(:challengeDifficultyBits AS integer),
              CAST(:challengeHoldsPerMinute AS integer),
              :fairAssignment, CAST(:fairAssignmentResources AS text[]), CAST(:fairAssignmentWeightPercent AS integer[]))\
            """)
        .bind("officeId", officeId)
        .bind("serviceId", policy.serviceId())
        .bindByType("releaseOpensAt", policy.releaseOpensAt(), LocalTime.class)
        .bindByType("releaseOpensAtNanos", policy.releaseOpensAtNanos(), Integer.class)
        .bindByType(
            "releaseRandomWindowSeconds", policy.releaseRandomWindowSeconds(), BigDecimal.class)
        .bindByType("releaseDaysBefore", policy.releaseDaysBefore(), Integer[].class)
        .bindByType("releaseSharePercent", policy.releaseSharePercent(), Integer[].class)
        .bindByType("contingentBlockMinutes", policy.contingentBlockMinutes(), Integer.class)
        .bindByType("contingentOnlinePercent", policy.contingentOnlinePercent(), Integer.class)
        .bindByType("contingentPhonePercent", policy.contingentPhonePercent(), Integer.class)
        .bindByType("contingentCounterPercent", policy.contingentCounterPercent(), Integer.class)
        .bindByType("contingentUrgentPercent", policy.contingentUrgentPercent(), Integer.class)
        .bindByType(
            "contingentDedicatedResources", policy.contingentDedicatedResources(), String[].class)
        .bindByType("contingentDedicatedTo", policy.contingentDedicatedTo(), String[].class)
        .bindByType(
            "contingentReleaseToOnlineBeforeSeconds",
            policy.contingentReleaseToOnlineBeforeSeconds(),
            BigDecimal.class)
        .bindByType("quarantineDelaySeconds", policy.quarantineDelaySeconds(), BigDecimal.class)
        .bindByType(
            "quarantineRandomWindowSeconds",
            policy.quarantineRandomWindowSeconds(),
            BigDecimal.class)
        .bindByType("identityMaxBookings", policy.identityMaxBookings(), Integer.class)
        .bindByType("identityPeriodSeconds", policy.identityPeriodSeconds(), BigDecimal.class)
        .bindByType("holdMaxLivePerClient", policy.holdMaxLivePerClient(), Integer.class)
        .bindByType("rescheduleMax", policy.rescheduleMax(), Integer.class)
        .bindByType(
            "lotteryEntryWindowSeconds", policy.lotteryEntryWindowSeconds(), BigDecimal.class)
        .bindByType(
            "waitingListOfferExpirySeconds",
            policy.waitingListOfferExpirySeconds(),
            BigDecimal.class)
        .bindByType("challengeAlways", policy.challengeAlways(), Boolean.class)
        .bindByType("challengeDifficultyBits", policy.challengeDifficultyBits(), Integer.class)
        .bindByType("challengeHoldsPerMinute", policy.challengeHoldsPerMinute(), Integer.class)
        .bind("fairAssignment", policy.fairAssignment())
        .bindByType("fairAssignmentResources", policy.fairAssignmentResources(), String[].class)
        .bindByType(
            "fairAssignmentWeightPercent", policy.fairAssignmentWeightPercent(), Integer[].class)
        .execute();
  }
}
