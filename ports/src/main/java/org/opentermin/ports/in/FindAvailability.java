package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.routing.RoutingInputs;
import org.opentermin.core.time.DateRange;

/** Which starts an office can offer for some services, given current bookings and holds. */
public interface FindAvailability {

  /** The free slots on the days of {@code query.dates()} that lie within the office's horizon. */
  AvailabilityResult findSlots(Query query);

  /**
   * The first free slot from now on within the office's horizon; with {@code routing}, of the
   * caseworkers responsible for that citizen only.
   */
  FirstSlotResult firstFreeSlot(
      OfficeId office, ImmutableList<ServiceRequest> services, Channel channel, Optional<RoutingInputs> routing);

  /** The first free slot from now on within the office's horizon, without routing. */
  default FirstSlotResult firstFreeSlot(OfficeId office, ImmutableList<ServiceRequest> services, Channel channel) {
    return firstFreeSlot(office, services, channel, Optional.empty());
  }

  /**
   * What to look for. Immutable.
   *
   * @param routing the citizen's routing inputs: then only the time of the caseworkers responsible
   *     for them is offered, and an office that is not responsible refuses
   */
  record Query(
      OfficeId office, ImmutableList<ServiceRequest> services, Channel channel, DateRange dates, Optional<RoutingInputs> routing) {
    public Query {
      checkNotNull(office, "office");
      services = ImmutableList.copyOf(checkNotNull(services, "services"));
      checkNotNull(channel, "channel");
      checkNotNull(dates, "dates");
      checkNotNull(routing, "routing");
    }

    /** A query without routing. */
    public Query(OfficeId office, ImmutableList<ServiceRequest> services, Channel channel, DateRange dates) {
      this(office, services, channel, dates, Optional.empty());
    }
  }
}
