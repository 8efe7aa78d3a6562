package org.opentermin.core.fairness;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.opentermin.core.availability.BusyPeriod;
import org.opentermin.core.catalog.ResourceId;

/**
 * What {@link FairAssignment} weighs: the minutes each resource is booked within a window. Only
 * bookings count (a hold may still expire); a booking reaching over the window's edge counts with
 * the part inside. Stateless.
 */
public final class BookedMinutes {

  private BookedMinutes() {}

  /** Minutes booked per resource within {@code window}; resources with none are absent. */
  public static ImmutableMap<ResourceId, Long> within(
      TimeWindow window, Iterable<BusyPeriod> periods) {
    checkNotNull(window, "window");
    checkNotNull(periods, "periods");
    Map<ResourceId, Long> minutes = new HashMap<>();
    for (BusyPeriod period : periods) {
      if (!period.expiresAt().equals(Instant.MAX)) {
        continue;
      }
      Instant from = period.start().isBefore(window.start()) ? window.start() : period.start();
      Instant to = period.end().isAfter(window.end()) ? window.end() : period.end();
      if (from.isBefore(to)) {
        minutes.merge(period.resource(), Duration.between(from, to).toMinutes(), Long::sum);
      }
    }
    return ImmutableMap.copyOf(minutes);
  }
}
