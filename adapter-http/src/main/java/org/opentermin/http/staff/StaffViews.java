package org.opentermin.http.staff;

import java.time.ZoneId;
import java.util.List;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.ErasedBooking;
import org.opentermin.http.booking.BookingViews;
import org.opentermin.http.common.CommonViews;

/**
 * The response bodies of the staff routes: the day list, a booking as staff see it, its history.
 */
final class StaffViews {

  private StaffViews() {}

  /**
   * A booking as staff see it in the day list: with the resource serving it, its mode and video
   * link, and when its personal data was erased.
   */
  record StaffBookingView(
      String reference,
      String status,
      String start,
      String end,
      String resourceId,
      List<CommonViews.ServiceItemView> services,
      String channel,
      CommonViews.CitizenView citizen,
      String mode,
      String videoLink,
      String erasedAt) {

    static StaffBookingView of(Appointment booking, ZoneId zone) {
      BookingViews.BookingView view = BookingViews.BookingView.of(booking, zone, null);
      String erasedAt =
          booking instanceof ErasedBooking erased ? CommonViews.utc(erased.erasedAt()) : null;
      return new StaffBookingView(
          view.reference(),
          view.status(),
          view.start(),
          view.end(),
          booking.resource().value(),
          view.services(),
          view.channel(),
          view.citizen(),
          view.mode(),
          view.videoLink(),
          erasedAt);
    }
  }

  record DayBookingsView(String officeId, String date, List<StaffBookingView> bookings) {}

  /** The recorded changes of a booking, oldest first, as staff see them. */
  record HistoryView(String reference, List<EventView> events) {}

  /**
   * One recorded change: when, who (a staff member by token id), from which status to which, and
   * its note.
   */
  record EventView(
      String at, String actorKind, String actorId, String from, String to, String note) {

    static EventView of(BookingEvent event) {
      return new EventView(
          CommonViews.utc(event.at()),
          event.actor().kind(),
          event.actor().id().isEmpty() ? null : event.actor().id(),
          event.from().name(),
          event.to().name(),
          event.note());
    }
  }
}
