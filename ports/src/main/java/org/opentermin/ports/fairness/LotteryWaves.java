package org.opentermin.ports.fairness;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.fairness.AccessPolicies;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.Lottery;
import org.opentermin.core.fairness.LotteryPolicy;
import org.opentermin.core.fairness.ReleasePolicy;
import org.opentermin.ports.in.EnterLottery.DrawStatus;
import org.opentermin.ports.in.EnterLottery.DrawView;

/**
 * The release waves of one day under a policy with a lottery: when each opens and takes entries.
 */
final class LotteryWaves {
  private final AccessPolicies policies;
  private final ReleasePolicy release;
  private final LotteryPolicy lottery;
  private final Office office;
  private final LocalDate day;

  LotteryWaves(AccessPolicies policies, AccessPolicy policy, Office office, LocalDate day) {
    this.policies = policies;
    this.release = policy.release().orElseThrow();
    this.lottery = policy.lottery().orElseThrow();
    this.office = office;
    this.day = day;
  }

  int count() {
    return release.waves().size();
  }

  Instant opensAt(int wave) {
    return release.waveOpensAt(policies.secret(), office.id(), office.zone(), day, wave);
  }

  String seed(int wave) {
    return Lottery.seed(policies.secret(), office.id(), day, wave);
  }

  /** The first wave whose entries are collected at {@code now}. */
  Optional<Integer> openForEntries(Instant now) {
    for (int wave = 0; wave < count(); wave++) {
      Instant opens = opensAt(wave);
      if (!now.isBefore(lottery.entriesOpenAt(opens)) && now.isBefore(opens)) {
        return Optional.of(wave);
      }
    }
    return Optional.empty();
  }

  /** When the next entry window of the day opens after {@code now}; empty if none will. */
  Optional<Instant> nextEntriesOpenAt(Instant now) {
    Optional<Instant> next = Optional.empty();
    for (int wave = 0; wave < count(); wave++) {
      Instant entriesOpen = lottery.entriesOpenAt(opensAt(wave));
      if (entriesOpen.isAfter(now) && (next.isEmpty() || entriesOpen.isBefore(next.get()))) {
        next = Optional.of(entriesOpen);
      }
    }
    return next;
  }

  Instant lastFirstComeFirstServed() {
    return LotteryPolicy.firstComeFirstServedAt(
        release.dayFullyOpenAt(policies.secret(), office.id(), office.zone(), day));
  }

  /** A wave nobody entered: its times, and its commitment once entries are open. */
  DrawView emptyView(int wave, Instant now) {
    Instant opens = opensAt(wave);
    Instant entriesOpen = lottery.entriesOpenAt(opens);
    DrawStatus status;
    if (now.isBefore(entriesOpen)) {
      status = DrawStatus.SCHEDULED;
    } else if (now.isBefore(opens)) {
      status = DrawStatus.OPEN;
    } else {
      status = DrawStatus.DRAWN;
    }
    Optional<String> commitment =
        status == DrawStatus.SCHEDULED
            ? Optional.empty()
            : Optional.of(Lottery.commitment(seed(wave)));
    Optional<String> seed = status == DrawStatus.DRAWN ? Optional.of(seed(wave)) : Optional.empty();
    return new DrawView(
        office.id(),
        day,
        wave,
        entriesOpen,
        opens,
        status,
        0,
        commitment,
        seed,
        ImmutableList.of(),
        ImmutableList.of());
  }
}
