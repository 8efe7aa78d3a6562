package org.opentermin.http;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.opentermin.core.availability.Availability;
import org.opentermin.core.booking.VideoLink;
import org.opentermin.core.catalog.AppointmentMode;
import org.opentermin.core.booking.Appointment;
import org.opentermin.core.booking.BookedService;
import org.opentermin.core.booking.BookingEvent;
import org.opentermin.core.booking.BookingReference;
import org.opentermin.core.booking.Citizen;
import org.opentermin.core.catalog.Office;
import org.opentermin.core.catalog.Resource;
import org.opentermin.core.catalog.Service;
import org.opentermin.ports.access.IssuedToken;

/**
 * The response bodies of the API and how domain values become them. Start and end times are
 * local date-times with offset in the office's zone, always with seconds; other instants are UTC.
 */
final class Views {

  /** ISO-8601 with offset and always with seconds, e.g. {@code 2026-12-01T08:00:00+01:00}. */
  private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

  private Views() {}

  static String local(Instant instant, ZoneId zone) {
    return OFFSET_TIME.format(instant.atZone(zone));
  }

  static String utc(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  record OfficeView(
      String id, String name, String timeZone, String state, int slotMinutes, long holdMinutes,
      long minNoticeMinutes, int maxDaysAhead, String address) {

    static OfficeView of(Office office) {
      return new OfficeView(
          office.id().value(), office.name(), office.zone().getId(), office.state().code(), office.slotMinutes(),
          office.holdDuration().toMinutes(), office.horizon().minimumNotice().toMinutes(),
          office.horizon().maximumDaysAhead(), office.address().orElse(null));
    }
  }

  /**
   * A service; each mode with its duration per person (the mode's own, or the service's). Which
   * resources serve a mode is the office's business and not shown.
   */
  record ServiceView(
      String id, String name, long durationMinutes, int maxPersons, List<String> channels, boolean sensitive,
      List<ServiceModeView> modes) {

    static ServiceView of(Service service) {
      return new ServiceView(
          service.id().value(), service.name(), service.duration().toMinutes(), service.maxPersons(),
          service.channels().stream().map(Enum::name).sorted().toList(), service.sensitive(),
          service.modes().entrySet().stream()
              .map(entry -> new ServiceModeView(
                  entry.getKey().name(), entry.getValue().duration().orElse(service.duration()).toMinutes()))
              .toList());
    }
  }

  record ServiceModeView(String mode, long durationMinutes) {}

  record ResourceView(String id, String officeId, String name, String kind, List<String> serviceIds, String team) {

    static ResourceView of(Resource resource) {
      return new ResourceView(
          resource.id().value(), resource.office().value(), resource.name(), resource.kind().name(),
          resource.skills().stream().map(skill -> skill.value()).sorted().toList(),
          resource.team().map(team -> team.value()).orElse(null));
    }
  }

  record ClosureView(String officeId, String date, String reason) {}

  record TokenView(String token, String tokenId, String role, List<String> officeIds) {

    static TokenView of(IssuedToken issued) {
      return new TokenView(
          issued.token(), issued.grant().tokenId(), issued.grant().role().name(),
          issued.grant().offices().stream().map(office -> office.value()).sorted().toList());
    }
  }

  record AvailabilityView(String officeId, String timeZone, String mode, long durationMinutes, List<DayView> days) {

    static AvailabilityView of(Availability availability, AppointmentMode mode) {
      ZoneId zone = availability.zone();
      return new AvailabilityView(
          availability.office().value(), zone.getId(), mode.name(), availability.duration().toMinutes(),
          availability.days().stream()
              .map(day -> new DayView(day.date().toString(),
                  day.slots().stream().map(slot -> new SlotView(local(slot.start(), zone), slot.capacity())).toList()))
              .toList());
    }
  }

  record DayView(String date, List<SlotView> slots) {}

  record SlotView(String start, int capacity) {}

  record FirstSlotView(String start) {}

  record ServiceItemView(String serviceId, int persons) {

    static List<ServiceItemView> of(List<BookedService> services) {
      return services.stream().map(service -> new ServiceItemView(service.service().value(), service.persons())).toList();
    }
  }

  record HoldView(
      String holdId, String officeId, String start, String end, String expiresAt, List<ServiceItemView> services, String mode) {

    static HoldView of(Appointment hold, ZoneId zone) {
      return new HoldView(
          hold.id().toString(), hold.office().value(), local(hold.start(), zone), local(hold.end(), zone),
          utc(hold.expiresAt().orElseThrow()), ServiceItemView.of(hold.services()), hold.mode().name());
    }
  }

  /** Who comes; the note (sensitive) only in answers for the office's staff and the citizen. */
  record CitizenView(String name, String email, String phone, String note) {

    CitizenView(String name, String email, String phone) {
      this(name, email, phone, null);
    }

    static CitizenView of(Citizen citizen) {
      return new CitizenView(
          citizen.name(), citizen.email().orElse(null), citizen.phone().orElse(null), citizen.note().orElse(null));
    }
  }

  /**
   * A booking as its citizen sees it; the manage token only in the answer that created it, the
   * video link only for a video appointment. An erased booking (staff see those in the day list)
   * has neither reference nor citizen nor video link.
   */
  record BookingView(
      String reference, String manageToken, String status, String start, String end, String officeId,
      List<ServiceItemView> services, String channel, CitizenView citizen, String mode, String videoLink) {

    static BookingView of(Appointment booking, ZoneId zone, String manageToken) {
      return new BookingView(
          booking.reference().map(BookingReference::value).orElse(null), manageToken, booking.status().name(),
          local(booking.start(), zone), local(booking.end(), zone), booking.office().value(),
          ServiceItemView.of(booking.services()), booking.channel().name(),
          booking.citizen().map(CitizenView::of).orElse(null),
          booking.mode().name(), booking.videoLink().map(VideoLink::text).orElse(null));
    }
  }

  /**
   * A booking as staff see it in the day list: with the resource serving it, its mode and video
   * link, and when its personal data was erased.
   */
  record StaffBookingView(
      String reference, String status, String start, String end, String resourceId, List<ServiceItemView> services,
      String channel, CitizenView citizen, String mode, String videoLink, String erasedAt) {

    static StaffBookingView of(Appointment booking, ZoneId zone) {
      BookingView view = BookingView.of(booking, zone, null);
      return new StaffBookingView(
          view.reference(), view.status(), view.start(), view.end(), booking.resource().value(), view.services(),
          view.channel(), view.citizen(), view.mode(), view.videoLink(), booking.erasedAt().map(Views::utc).orElse(null));
    }
  }

  record DayBookingsView(String officeId, String date, List<StaffBookingView> bookings) {}

  /** The recorded changes of a booking, oldest first, as staff see them. */
  record HistoryView(String reference, List<EventView> events) {}

  /** One recorded change: when, who (a staff member by token id), from which status to which, and its note. */
  record EventView(String at, String actorKind, String actorId, String from, String to, String note) {

    static EventView of(BookingEvent event) {
      return new EventView(utc(event.at()), event.actor().kind(), event.actor().id().isEmpty() ? null : event.actor().id(),
          event.from().name(), event.to().name(), event.note());
    }
  }

  /** Whether a hold needs a solved challenge now, and if so what to solve, how hard, and until when (exclusive). */
  record ChallengeView(boolean required, String challenge, String algorithm, Integer difficultyBits, String expiresAt) {}
}
