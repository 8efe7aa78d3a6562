package org.opentermin.ports.booking;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.Iterables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.opentermin.core.availability.BusyPeriod;
import org.opentermin.core.availability.Occupancy;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.ResourceId;
import org.opentermin.core.fairness.AccessPolicy;
import org.opentermin.core.fairness.Cancellation;
import org.opentermin.core.fairness.ClosedCapacity;
import org.opentermin.core.fairness.ClosureScope;
import org.opentermin.core.fairness.FairnessSecret;
import org.opentermin.core.fairness.Quarantine;
import org.opentermin.ports.out.BookingStore;

/**
 * What keeps time from a request: bookings and live holds from the store, time the routing keeps
 * from the citizen, and what the office's fair-access policy keeps closed. Thread-safe.
 */
final class Occupancies {

  private final BookingStore bookings;

  /**
   * Release and contingent closures of recent availability queries: computing them hashes every
   * grid cell of the range, far more work than the query itself, and they depend only on the key.
   */
  private final Cache<ClosureKey, ClosedCapacity> scheduledClosures =
      CacheBuilder.newBuilder().maximumSize(64).build();

  Occupancies(BookingStore bookings) {
    this.bookings = bookings;
  }

  /**
   * Bookings and holds in {@code [from, to)}, and what the policy keeps closed for the channel
   * under {@code scope}.
   */
  Occupancy in(
      ResolvedRequest resolved,
      Channel channel,
      Instant from,
      Instant to,
      Instant now,
      ClosureScope scope) {
    Iterable<BusyPeriod> busy =
        Iterables.concat(
            bookings.busyPeriods(resolved.office().id(), from, to),
            outsideRouting(resolved, from, to));
    AccessPolicy policy = resolved.policy();
    if (policy.isNone()) {
      return Occupancy.of(busy);
    }
    // Whole local days, so that queries from "now" share an entry with the day's other queries.
    Instant dayStart =
        LocalDate.ofInstant(from, resolved.office().zone())
            .atStartOfDay(resolved.office().zone())
            .toInstant();
    ClosureKey key =
        new ClosureKey(
            policy,
            resolved.policies().secret(),
            resolved.office(),
            resolved.resources(),
            dayStart,
            to,
            channel);
    ClosedCapacity scheduled = scheduledClosures.getIfPresent(key);
    if (scheduled == null) {
      scheduled =
          ClosedCapacity.of(
              policy,
              key.secret(),
              key.office(),
              key.resources(),
              dayStart,
              to,
              channel,
              false,
              List.of(),
              now);
      scheduledClosures.put(key, scheduled);
    }
    Iterable<BusyPeriod> closed = scope.select(scheduled, now);
    if (scope.keepsQuarantine() && channel == Channel.ONLINE && policy.quarantine().isPresent()) {
      AccessPolicy quarantineOnly = AccessPolicy.none().withQuarantine(policy.quarantine().get());
      closed =
          Iterables.concat(
              closed,
              closed(resolved, quarantineOnly, channel, false, from, to, now, scope)
                  .byQuarantine());
    }
    return Occupancy.of(Iterables.concat(busy, closed));
  }

  /** What the request's policy closes for a hold of {@code channel} in {@code [from, to)}. */
  ClosedCapacity closed(
      ResolvedRequest resolved,
      Channel channel,
      boolean urgent,
      Instant from,
      Instant to,
      Instant now,
      ClosureScope scope) {
    return closed(resolved, resolved.policy(), channel, urgent, from, to, now, scope);
  }

  private ClosedCapacity closed(
      ResolvedRequest resolved,
      AccessPolicy policy,
      Channel channel,
      boolean urgent,
      Instant from,
      Instant to,
      Instant now,
      ClosureScope scope) {
    ImmutableList<Cancellation> cancellations = ImmutableList.of();
    if (scope.keepsQuarantine() && channel == Channel.ONLINE && policy.quarantine().isPresent()) {
      Quarantine quarantine = policy.quarantine().get();
      cancellations =
          bookings.cancellations(
              resolved.office().id(), from, to, quarantine.stillClosedSince(now));
    }
    return ClosedCapacity.of(
        policy,
        resolved.policies().secret(),
        resolved.office(),
        resolved.resources(),
        from,
        to,
        channel,
        urgent,
        cancellations,
        now);
  }

  /**
   * Time the routing keeps from the citizen: every resource outside the responsible ones, busy for
   * the whole range. The slot finder then offers only the responsible caseworkers' time.
   */
  private static Iterable<BusyPeriod> outsideRouting(
      ResolvedRequest resolved, Instant from, Instant to) {
    if (resolved.serving().isEmpty() || !from.isBefore(to)) {
      return List.of();
    }
    return resolved.resources().stream()
        .filter(resource -> !resolved.serving().get().contains(resource))
        .map(resource -> BusyPeriod.booking(resource, from, to))
        .toList();
  }

  /**
   * What decides the release and contingent closures of a range; together with the instant they
   * were computed at, they stay exact later: capacity only ever opens as time goes on, and each
   * closure carries the instant it opens, after which the slot finder ignores it.
   */
  private record ClosureKey(
      AccessPolicy policy,
      FairnessSecret secret,
      Office office,
      ImmutableList<ResourceId> resources,
      Instant from,
      Instant to,
      Channel channel) {}
}
