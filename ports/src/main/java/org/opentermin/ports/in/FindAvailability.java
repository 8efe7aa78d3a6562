package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.time.DateRange;

/**
 * Which starts an office can offer for some services in an appointment mode, given current
 * bookings and holds. A mode that a requested service is not served in (at the office) is refused
 * with {@link org.opentermin.core.booking.Refusal#MODE_NOT_OFFERED}.
 */
public interface FindAvailability {

  /** The free slots on the days of {@code query.dates()} that lie within the office's horizon. */
  AvailabilityResult findSlots(Query query);

  /** The first free slot in person from now on within the office's horizon. */
  default FirstSlotResult firstFreeSlot(OfficeId office, ImmutableList<ServiceRequest> services, Channel channel) {
    return firstFreeSlot(office, services, channel, AppointmentMode.IN_PERSON);
  }

  /** The first free slot in {@code mode} from now on within the office's horizon. */
  FirstSlotResult firstFreeSlot(OfficeId office, ImmutableList<ServiceRequest> services, Channel channel, AppointmentMode mode);

  /** What to look for, in which appointment mode. Immutable. */
  record Query(OfficeId office, ImmutableList<ServiceRequest> services, Channel channel, DateRange dates, AppointmentMode mode) {
    public Query {
      checkNotNull(office, "office");
      services = ImmutableList.copyOf(checkNotNull(services, "services"));
      checkNotNull(channel, "channel");
      checkNotNull(dates, "dates");
      checkNotNull(mode, "mode");
    }

    /** A query for appointments in person. */
    public Query(OfficeId office, ImmutableList<ServiceRequest> services, Channel channel, DateRange dates) {
      this(office, services, channel, dates, AppointmentMode.IN_PERSON);
    }
  }
}
