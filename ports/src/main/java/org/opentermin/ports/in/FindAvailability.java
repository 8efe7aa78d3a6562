package org.opentermin.ports.in;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Channel;
import org.opentermin.core.catalog.OfficeId;
import org.opentermin.core.routing.RoutingInputs;
import org.opentermin.core.time.DateRange;

/**
 * Which starts an office can offer for some services in an appointment mode, given current bookings
 * and holds. A mode that a requested service is not served in (at the office) is refused with
 * {@link org.opentermin.core.booking.RefusalReason#MODE_NOT_OFFERED}.
 */
public interface FindAvailability {

  /**
   * Longest date range, in days, that one query may span: a quarter of a year. Longer queries are
   * refused with {@link org.opentermin.core.booking.RefusalReason#INVALID_REQUEST}; adapters may
   * check it earlier with the same number.
   */
  int MAXIMUM_QUERY_DAYS = 92;

  /** The free slots on the days of {@code query.dates()} that lie within the office's horizon. */
  AvailabilityResult findSlots(Query query);

  /**
   * The first free slot in {@code mode} from now on within the office's horizon; with {@code
   * routing}, of the caseworkers responsible for that citizen only.
   */
  FirstSlotResult firstFreeSlot(
      OfficeId office,
      ImmutableList<ServiceRequest> services,
      Channel channel,
      Optional<RoutingInputs> routing,
      AppointmentMode mode);

  /**
   * The first free slot in person from now on within the office's horizon, with {@code routing} if
   * given.
   */
  default FirstSlotResult firstFreeSlot(
      OfficeId office,
      ImmutableList<ServiceRequest> services,
      Channel channel,
      Optional<RoutingInputs> routing) {
    return firstFreeSlot(office, services, channel, routing, AppointmentMode.IN_PERSON);
  }

  /**
   * The first free slot in {@code mode} from now on within the office's horizon, without routing.
   */
  default FirstSlotResult firstFreeSlot(
      OfficeId office,
      ImmutableList<ServiceRequest> services,
      Channel channel,
      AppointmentMode mode) {
    return firstFreeSlot(office, services, channel, Optional.empty(), mode);
  }

  /** The first free slot in person from now on within the office's horizon, without routing. */
  default FirstSlotResult firstFreeSlot(
      OfficeId office, ImmutableList<ServiceRequest> services, Channel channel) {
    return firstFreeSlot(office, services, channel, Optional.empty(), AppointmentMode.IN_PERSON);
  }

  /**
   * What to look for, in which appointment mode. Immutable.
   *
   * @param routing the citizen's routing inputs: then only the time of the caseworkers responsible
   *     for them is offered, and an office that is not responsible refuses
   * @param mode how citizen and caseworker will meet
   */
  record Query(
      OfficeId office,
      ImmutableList<ServiceRequest> services,
      Channel channel,
      DateRange dates,
      Optional<RoutingInputs> routing,
      AppointmentMode mode) {
    public Query {
      checkNotNull(office, "office");
      services = ImmutableList.copyOf(checkNotNull(services, "services"));
      checkNotNull(channel, "channel");
      checkNotNull(dates, "dates");
      checkNotNull(routing, "routing");
      checkNotNull(mode, "mode");
    }

    /** A query for appointments in person, without routing. */
    public Query(
        OfficeId office, ImmutableList<ServiceRequest> services, Channel channel, DateRange dates) {
      this(office, services, channel, dates, Optional.empty(), AppointmentMode.IN_PERSON);
    }

    /** This query with these routing inputs (or none). */
    public Query withRouting(Optional<RoutingInputs> inputs) {
      return new Query(office, services, channel, dates, inputs, mode);
    }

    /** This query for appointments in {@code appointmentMode}. */
    public Query withMode(AppointmentMode appointmentMode) {
      return new Query(office, services, channel, dates, routing, appointmentMode);
    }
  }
}
