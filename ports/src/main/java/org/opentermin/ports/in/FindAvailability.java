package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.time.DateRange;

/** Which starts an office can offer for some services, given current bookings and holds. */
public interface FindAvailability {

  /** The free slots on the days of {@code query.dates()} that lie within the office's horizon. */
  AvailabilityResult findSlots(Query query);

  /** The first free slot from now on within the office's horizon. */
  FirstSlotResult firstFreeSlot(OfficeId office, ImmutableList<ServiceRequest> services, Channel channel);

  /** What to look for. Immutable. */
  record Query(OfficeId office, ImmutableList<ServiceRequest> services, Channel channel, DateRange dates) {
    public Query {
      checkNotNull(office, "office");
      services = ImmutableList.copyOf(checkNotNull(services, "services"));
      checkNotNull(channel, "channel");
      checkNotNull(dates, "dates");
    }
  }
}
