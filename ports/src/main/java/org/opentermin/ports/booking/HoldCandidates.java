package org.opentermin.ports.booking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.opentermin.core.availability.BusyPeriod;
import org.opentermin.core.availability.Occupancy;
import org.opentermin.core.booking.RefusalReason;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.BookedMinutes;
import org.opentermin.core.fairness.ClosedCapacity;
import org.opentermin.core.fairness.ClosureScope;
import org.opentermin.core.fairness.FairAssignment;
import org.opentermin.core.fairness.TimeWindow;
import org.opentermin.ports.in.Refused;
import org.opentermin.ports.out.BookingStore;
import org.opentermin.ports.out.RandomSource;

/**
 * The resources a hold may try at a start, in the order to try them. With fair assignment, the
 * least booked in the week come first; otherwise the order is random: concurrent citizens who want
 * the same start then mostly try different resources instead of queueing for the same one, and
 * nobody can predict which caseworker a hold will get. Whether a candidate is still free is for the
 * store to decide. Thread-safe.
 */
final class HoldCandidates {

  private final BookingStore bookings;
  private final Occupancies occupancies;
  private final RandomSource random;

  HoldCandidates(BookingStore bookings, Occupancies occupancies, RandomSource random) {
    this.bookings = bookings;
    this.occupancies = occupancies;
    this.random = random;
  }

  /** The resources a hold may take, and the answer when the store finds all of them taken. */
  record Candidates(List<ResourceId> resources, Refused whenTaken) {}

  /**
   * The resources that work for the whole appointment at {@code start}, if it is a start the office
   * offers and its policy leaves open under {@code scope}; otherwise why not.
   */
  Step<Candidates> at(
      ResolvedRequest resolved,
      Instant start,
      Channel channel,
      boolean urgent,
      ClosureScope scope,
      Instant now) {
    List<ResourceId> open = freeAt(resolved, start, List.of(), now);
    if (open.isEmpty()) {
      return Step.stop(
          RefusalReason.UNAVAILABLE,
          resolved.serving().isPresent()
              ? "the caseworkers responsible for you do not offer this time"
              : "this time is not offered");
    }
    Refused whenTaken = new Refused(RefusalReason.UNAVAILABLE, "this time is no longer free");
    AccessPolicy policy = resolved.policy();
    if (!policy.isNone()) {
      Instant end = start.plus(resolved.request().duration());
      ClosedCapacity closed = occupancies.closed(resolved, channel, urgent, start, end, now, scope);
      List<ResourceId> working = open;
      open = freeAt(resolved, start, scope.select(closed, now), now);
      if (open.isEmpty()) {
        return new Step.Stop<>(whyClosed(resolved, start, closed, now));
      }
      if (open.size() < working.size()
          && freeAt(resolved, start, closed.withoutContingents(), now).size() > open.size()) {
        whenTaken =
            new Refused(
                RefusalReason.CONTINGENT_EXHAUSTED,
                "this channel's share of this time is taken; the rest is kept for bookings by"
                    + " another channel");
      }
    }
    if (policy.fairAssignment().isPresent()) {
      TimeWindow week = FairAssignment.weekOf(start, resolved.office().zone());
      Iterable<BusyPeriod> busy =
          bookings.busyPeriods(resolved.office().id(), week.start(), week.end());
      return Step.go(
          new Candidates(
              policy.fairAssignment().get().order(open, BookedMinutes.within(week, busy)),
              whenTaken));
    }
    List<ResourceId> shuffled = new ArrayList<>(open);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      Collections.swap(shuffled, i, random.nextInt(i + 1));
    }
    return Step.go(new Candidates(shuffled, whenTaken));
  }

  /**
   * The resources free at {@code start} apart from {@code closed}, among those serving the request.
   */
  private static List<ResourceId> freeAt(
      ResolvedRequest resolved, Instant start, Iterable<BusyPeriod> closed, Instant now) {
    List<ResourceId> free =
        resolved.finder().freeResourcesAt(resolved.request(), start, Occupancy.of(closed), now);
    if (resolved.serving().isEmpty()) {
      return free;
    }
    return free.stream().filter(resolved.serving().get()::contains).toList();
  }

  /** Which rule closed a start that the office would otherwise offer. */
  private static Refused whyClosed(
      ResolvedRequest resolved, Instant start, ClosedCapacity closed, Instant now) {
    if (!freeAt(resolved, start, closed.withoutRelease(), now).isEmpty()) {
      return new Refused(RefusalReason.NOT_YET_RELEASED, "this time is not open for booking yet");
    }
    if (!freeAt(resolved, start, closed.withoutContingents(), now).isEmpty()) {
      return new Refused(
          RefusalReason.CONTINGENT_EXHAUSTED, "this time is kept for bookings by another channel");
    }
    return new Refused(RefusalReason.UNAVAILABLE, "this time is not free");
  }
}
