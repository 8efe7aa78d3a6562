package org.opentermin.http.booking;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.opentermin.core.availability.Availability;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.Booking;
import org.opentermin.core.booking.Hold;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.Service;
import org.opentermin.http.common.CommonViews;

/**
 * The response bodies of the catalog, availability, hold and booking routes, and how domain values
 * become them.
 */
public final class BookingViews {

  private BookingViews() {}

  public record OfficeView(
      String id,
      String name,
      String timeZone,
      String state,
      int slotMinutes,
      long holdMinutes,
      long minNoticeMinutes,
      int maxDaysAhead,
      String address) {

    public static OfficeView of(Office office) {
      return new OfficeView(
          office.id().value(),
          office.name(),
          office.zone().getId(),
          office.state().code(),
          office.slotMinutes(),
          office.holdDuration().toMinutes(),
          office.horizon().minimumNotice().toMinutes(),
          office.horizon().maximumDaysAhead(),
          office.address().orElse(null));
    }
  }

  /**
   * A service; each mode with its duration per person (the mode's own, or the service's). Which
   * resources serve a mode is the office's business and not shown.
   */
  public record ServiceView(
      String id,
      String name,
      long durationMinutes,
      int maxPersons,
      List<String> channels,
      boolean sensitive,
      List<ServiceModeView> modes) {

    public static ServiceView of(Service service) {
      return new ServiceView(
          service.id().value(),
          service.name(),
          service.duration().toMinutes(),
          service.maxPersons(),
          service.channels().stream().map(Enum::name).sorted().toList(),
          service.sensitive(),
          service.modes().entrySet().stream()
              .map(
                  entry ->
                      new ServiceModeView(
                          entry.getKey().name(),
                          entry.getValue().duration().orElse(service.duration()).toMinutes()))
              .toList());
    }
  }

  public record ServiceModeView(String mode, long durationMinutes) {}

  record AvailabilityView(
      String officeId, String timeZone, String mode, long durationMinutes, List<DayView> days) {

    static AvailabilityView of(Availability availability, AppointmentMode mode) {
      ZoneId zone = availability.zone();
      return new AvailabilityView(
          availability.office().value(),
          zone.getId(),
          mode.name(),
          availability.duration().toMinutes(),
          availability.days().stream()
              .map(
                  day ->
                      new DayView(
                          day.date().toString(),
                          day.slots().stream()
                              .map(
                                  slot ->
                                      new SlotView(
                                          CommonViews.local(slot.start(), zone), slot.capacity()))
                              .toList()))
              .toList());
    }
  }

  record DayView(String date, List<SlotView> slots) {}

  record SlotView(String start, int capacity) {}

  record FirstSlotView(String start) {}

  record HoldView(
      String holdId,
      String officeId,
      String start,
      String end,
      String expiresAt,
      List<CommonViews.ServiceItemView> services,
      String mode) {

    static HoldView of(Hold hold, ZoneId zone) {
      return new HoldView(
          hold.id().toString(),
          hold.office().value(),
          CommonViews.local(hold.start(), zone),
          CommonViews.local(hold.end(), zone),
          CommonViews.utc(hold.expiresAt()),
          CommonViews.ServiceItemView.of(hold.services()),
          hold.mode().name());
    }
  }

  /**
   * A booking as its citizen sees it; the manage token only in the answer that created it, the
   * video link only for a video appointment. An erased booking (staff see those in the day list)
   * has neither reference nor citizen nor video link.
   */
  public record BookingView(
      String reference,
      String manageToken,
      String status,
      String start,
      String end,
      String officeId,
      List<CommonViews.ServiceItemView> services,
      String channel,
      CommonViews.CitizenView citizen,
      String mode,
      String videoLink) {

    public static BookingView of(Appointment booking, ZoneId zone, String manageToken) {
      Optional<Booking> kept =
          booking instanceof Booking personal ? Optional.of(personal) : Optional.empty();
      return new BookingView(
          kept.map(personal -> personal.reference().value()).orElse(null),
          manageToken,
          booking.status().name(),
          CommonViews.local(booking.start(), zone),
          CommonViews.local(booking.end(), zone),
          booking.office().value(),
          CommonViews.ServiceItemView.of(booking.services()),
          booking.channel().name(),
          kept.map(personal -> CommonViews.CitizenView.of(personal.citizen())).orElse(null),
          booking.mode().name(),
          kept.flatMap(Booking::videoLink).map(VideoLink::text).orElse(null));
    }
  }
}
